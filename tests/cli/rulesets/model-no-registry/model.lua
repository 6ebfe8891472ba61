-- One criterion: the ranking is the assessment itself; the page still shows
-- every section (golden score-html-one-criterion); reused by model-no-registry.
model {
  id = "one",
  title = {sv = "Modell med ett kriterium", en = "A model with one criterion"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
