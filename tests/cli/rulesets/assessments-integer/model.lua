-- The eight criteria of model-eight-criteria (golden score-assessment-wrong-type).
model {
  id = "eight",
  title = {sv = "Modell med åtta kriterier", en = "A model with eight criteria"},
  criteria = {
    {id = "c1", label = {sv = "Kriterium 1", en = "Criterion 1"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c2", label = {sv = "Kriterium 2", en = "Criterion 2"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c3", label = {sv = "Kriterium 3", en = "Criterion 3"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c4", label = {sv = "Kriterium 4", en = "Criterion 4"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c5", label = {sv = "Kriterium 5", en = "Criterion 5"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c6", label = {sv = "Kriterium 6", en = "Criterion 6"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c7", label = {sv = "Kriterium 7", en = "Criterion 7"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c8", label = {sv = "Kriterium 8", en = "Criterion 8"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
