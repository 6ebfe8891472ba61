-- A criterion whose value is a library function (math.floor) called with the
-- area: it fails with no Lua line of its own, so the report names this file
-- (golden score-model-c-function), never an empty ":0".
model {
  id = "cfunction",
  title = {sv = "Modell med en biblioteksfunktion", en = "A model with a library function"},
  criteria = {
    {id = "benefit", label = {sv = "Nytta", en = "Benefit"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "size", label = {sv = "Storlek", en = "Size"},
     scale = {0, 10000000}, direction = "cost", weight = 1,
     value = math.floor},
  },
}
