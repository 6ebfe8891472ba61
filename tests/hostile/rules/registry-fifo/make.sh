# registry.yaml as a FIFO.
mkfifo registry.yaml
