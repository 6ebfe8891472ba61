rule {
  id = "a.owner",
  severity = "info",
  message = {sv = "x", en = "x"},
  source = "house policy (a test ruleset)",
  check = function(a) end,
}
