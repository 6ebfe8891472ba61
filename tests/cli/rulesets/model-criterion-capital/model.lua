-- A criterion id with a capital letter: refused when the ruleset loads, as
-- scenarios and assessments name criteria in lower case (golden
-- model-criterion-capital).
model {
  id = "capital",
  title = {sv = "Modell med versal i id", en = "A model with a capital in an id"},
  criteria = {
    {id = "Nytta", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
