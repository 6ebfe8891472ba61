# A rule file that is a FIFO: opening it must not wait for a writer.
mkfifo a-fifo.lua
