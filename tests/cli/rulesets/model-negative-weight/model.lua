-- A weight below 0 would reward the opposite of the criterion: refused.
model {
  id = "negative",
  title = {sv = "Modell med negativ vikt", en = "A model with a negative weight"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "cost", label = {sv = "Kostnad", en = "Cost"},
     scale = {1, 5}, direction = "cost", value = "assessment", weight = -1},
  },
}
