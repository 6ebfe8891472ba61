-- A model without an id: refused at load, with an example of one
-- (golden rules-list-model-no-id).
model {
  title = {sv = "Modell utan id", en = "A model without an id"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
