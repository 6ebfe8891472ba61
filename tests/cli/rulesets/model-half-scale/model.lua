-- One criterion on a scale from 1 to 4.5 (golden score-half-scale).
model {
  id = "half",
  title = {sv = "Modell med halv skala", en = "A model with a half-step scale"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 4.5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
