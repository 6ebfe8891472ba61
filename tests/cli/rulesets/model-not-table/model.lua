-- model called with a text instead of a table (golden model-not-table).
model "goteborg"
