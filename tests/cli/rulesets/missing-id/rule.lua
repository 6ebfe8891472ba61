rule {
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a) end,
}
