rule {
  id = "action.hostile.load-time-loop",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) end,
}
while true do end
