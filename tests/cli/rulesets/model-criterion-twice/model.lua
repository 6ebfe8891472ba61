-- The same criterion declared twice: refused when the ruleset loads, as a
-- weight or an assessment could not say which one it means (golden
-- model-criterion-twice).
model {
  id = "twice",
  title = {sv = "Modell med ett kriterium två gånger", en = "A model with one criterion twice"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "benefit", label = {sv = "Nytta igen", en = "Benefit again"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
