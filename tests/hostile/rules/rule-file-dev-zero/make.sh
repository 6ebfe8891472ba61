# A rule file that is a symbolic link to /dev/zero, and one that is a FIFO.
ln -s /dev/zero a-zero.lua
mkfifo b-fifo.lua
