-- A criterion without a label: refused, with what it needs.
model {
  id = "no-label",
  title = {sv = "Modell utan etikett", en = "A model without a label"},
  criteria = {
    {id = "benefit", scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
