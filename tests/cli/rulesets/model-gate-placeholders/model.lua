-- The gate stops areas that cost more than a million kronor and says why;
-- {area} and {reason} are filled, {other} is no name a gate message has
-- and stays as written.
model {
  id = "gatewords",
  title = {sv = "Modell med en spärr som förklarar", en = "A model with a gate that explains"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
  },
  gates = {
    {id = "cost",
     message = {sv = "{area} är för dyrt: {reason} {other}", en = "{area} costs too much: {reason} {other}"},
     pass = function(area)
       if area.cost_sek > 1000000 then return false, "mer än en miljon kronor" end
       return true
     end},
  },
}
