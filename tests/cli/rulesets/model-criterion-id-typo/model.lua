model {
  id = "idtypo",
  title = {sv = "Modell med felstavat id", en = "A model with a misspelt id"},
  criteria = {
    {idd = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
}
