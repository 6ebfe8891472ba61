# A fixture that is a FIFO: opening it for reading would wait for a writer.
mkfifo tests/fifo.yaml
