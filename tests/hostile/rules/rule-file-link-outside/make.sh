# A rule file linking out of the folder to a "secret" whose text must not show.
printf "hunter2\n" > ../secret-outside.txt
ln -s ../secret-outside.txt a-secret.lua
