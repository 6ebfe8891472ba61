-- "benefit" is computed from the cost: 99 for the area "over" (a model's
-- mistake), on the scale otherwise; 1 and 5 are its edges and are scored.
model {
  id = "half",
  title = {sv = "Modell med beräknat kriterium", en = "A model with a computed criterion"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"}, scale = {1, 5}, direction = "benefit", weight = 1,
     value = function(area)
       if area.id == "over" then return 99 end
       if area.id == "topp" then return 5 end
       if area.id == "mitt" then return 1.5 end
       return 1
     end},
  },
}
