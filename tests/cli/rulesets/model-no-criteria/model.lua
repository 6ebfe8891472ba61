-- No criteria: nothing to rank areas by.
model {
  id = "empty",
  title = {sv = "Modell utan kriterier", en = "A model without criteria"},
  criteria = {},
}
