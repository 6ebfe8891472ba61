-- The one-criterion model with "criteria" misspelt: refused at load, the
-- nearest field suggested (golden model-field-typo).
model {
  id = "one",
  title = {sv = "Modell med ett kriterium", en = "A model with one criterion"},
  critera = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
