-- The title in Swedish only.
model {
  id = "svenska",
  title = {sv = "Modell på svenska"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
