-- The value of 'size' is the area's cost_sek, but for 'sluss' the text of
-- it ("500000": a text, not a number) and for an area without cost_sek nil.
model {
  id = "valuetext",
  title = {sv = "Modell med värden som inte är tal", en = "A model with values that are no numbers"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "size", label = {sv = "Storlek", en = "Size"},
     scale = {0, 10000000}, direction = "cost", weight = 1,
     value = function(area)
       if area.id == "sluss" then return tostring(area.cost_sek) end
       return area.cost_sek
     end},
  },
}
