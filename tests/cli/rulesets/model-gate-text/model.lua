-- The gate is written as its id alone, not as a table: the load stops at it
-- (golden model-gate-text).
model {
  id = "text",
  title = {sv = "Modell med en spärr som text", en = "A model with a gate as text"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
  gates = {
    "owner",
  },
}
