-- The second criterion is written as its id alone, not as a table: the load
-- stops at it (golden model-criterion-text).
model {
  id = "text",
  title = {sv = "Modell med ett kriterium som text", en = "A model with a criterion as text"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    "feasibility",
  },
}
