-- A model whose functions crash for some areas: the value of 'size' fails
-- for an area without cost_sek (arithmetic on nil), and the gate fails for
-- an area whose owner is a list (concatenating a table). Each such area is
-- left out with the reason, the crash is reported once with where, and the
-- other areas are still ranked (goldens score-model-crashing, -json).
model {
  id = "crashing",
  title = {sv = "Modell som kraschar", en = "A model that crashes"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "size", label = {sv = "Storlek", en = "Size"},
     scale = {0, 10000000}, direction = "cost", weight = 1,
     value = function(area) return area.cost_sek * 1 end},
  },
  gates = {
    {id = "owner",
     message = {sv = "har ingen ansvarig", en = "has no owner"},
     pass = function(area) return ("ägare: " .. area.owner) ~= nil end},
  },
}
