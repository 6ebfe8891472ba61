-- A direction other than benefit or cost ("benefits", a typo): refused when
-- the ruleset loads, as a score cannot be read the wrong way round (golden
-- model-direction-typo).
model {
  id = "direction",
  title = {sv = "Modell med versal i id", en = "A model with a capital in an id"},
  criteria = {
    {id = "nytta", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefits", value = "assessment", weight = 1},
  },
}
