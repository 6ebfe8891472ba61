-- An assessed criterion without a scale: nothing says what an assessment
-- of 3 means, so the model is refused.
model {
  id = "noscale",
  title = {sv = "Modell utan skala", en = "A model without a scale"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "feasibility", label = {sv = "Genomförbarhet", en = "Feasibility"},
     direction = "benefit", value = "assessment", weight = 1},
  },
}
