-- low == high: every assessment would be both the best and the worst.
model {
  id = "flat",
  title = {sv = "Modell med platt skala", en = "A model with a flat scale"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "feasibility", label = {sv = "Genomförbarhet", en = "Feasibility"},
     scale = {3, 3}, direction = "benefit", value = "assessment", weight = 1},
  },
}
