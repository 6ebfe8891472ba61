rule {
  id = "area.crash.nil-index",
  severity = "error",
  message = {sv = "aldrig", en = "never"},
  check = function(area)
    return area.cost_sek.value   -- a number has no fields
  end,
}
