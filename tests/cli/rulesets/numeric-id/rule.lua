rule {
  id = 1.5,
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a) end,
}
