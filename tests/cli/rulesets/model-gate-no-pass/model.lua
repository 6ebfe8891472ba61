-- The gate says what it wants but not how to tell (pass is a text).
model {
  id = "gated",
  title = {sv = "Modell med spärr", en = "A model with a gate"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
  gates = {
    {id = "owner", message = {sv = "Området har ingen ägare.", en = "The area has no owner."},
     pass = "area.owner ~= nil"},
  },
}
