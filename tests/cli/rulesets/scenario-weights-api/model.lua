-- Three assessed criteria, default weights 1, 1, 2 (golden
-- rule-api-scenario-weights).
model {
  id = "tre",
  title = {sv = "Modell med tre kriterier", en = "A model with three criteria"},
  criteria = {
    {id = "a", label = {sv = "A", en = "A"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "b", label = {sv = "B", en = "B"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "c", label = {sv = "C", en = "C"}, scale = {1, 5}, direction = "benefit", value = "assessment", weight = 2},
  },
}
