-- Sixteen criteria, one more than AHP's random-index table covers.
local criteria = {}
for i = 1, 16 do
  criteria[i] = {id = "c" .. i, label = {sv = "Kriterium " .. i, en = "Criterion " .. i},
                 scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1}
end
model {
  id = "sixteen",
  title = {sv = "Modell med 16 kriterier", en = "A model of 16 criteria"},
  criteria = criteria,
}
