-- Default weights below 1 are weights: 0.5, and 0 (a criterion shown but
-- not counted unless a scenario weighs it).
model {
  id = "fraction",
  title = {sv = "Modell med vikter under 1", en = "A model with weights below 1"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 0.5},
    {id = "cost", label = {sv = "Kostnad", en = "Cost"},
     scale = {1, 5}, direction = "cost", value = "assessment", weight = 0},
  },
}
