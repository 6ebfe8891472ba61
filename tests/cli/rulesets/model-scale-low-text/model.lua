-- The low end of a scale is a text ("one"), the high end a number: refused,
-- as a scale with both ends numbers and low < high is required.
model {
  id = "half-text",
  title = {sv = "Modell med text i skalan", en = "A model with a text in its scale"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {"one", 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
