-- The gates are one text, not a list: the load stops at it
-- (golden model-gates-text).
model {
  id = "gates-text",
  title = {sv = "Modell med spärrarna som en text", en = "A model with its gates as one text"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
  gates = "owner",
}
