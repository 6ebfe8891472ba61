-- A scale written as a text ("1-5") instead of {low, high}: refused at load
-- with the criterion named (golden model-scale-text).
model {
  id = "textscale",
  title = {sv = "Modell med skala som text", en = "A model with a scale as text"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = "1-5", direction = "benefit", value = "assessment", weight = 1},
  },
}
