-- 5 for an area that find_area finds under its own id, 1 for one it does not
-- (golden score-model-find-area: every area scores 5).
model {
  id = "one",
  title = {sv = "Modell som slår upp områdena", en = "A model that looks the areas up"},
  criteria = {
    {id = "benefit", label = {sv = "Hittas", en = "Found"},
     scale = {1, 5}, direction = "benefit", weight = 1,
     value = function(a) return find_area(a.id) ~= nil and 5 or 1 end},
  },
}
