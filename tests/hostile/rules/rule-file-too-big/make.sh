# 3 MB of comments: more than a quarter of --max-rule-memory 8M.
awk 'BEGIN { for (i = 0; i < 60000; i++) print "-- padding padding padding padding padding padding" }' > a-big.lua
