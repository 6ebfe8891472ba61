rule {
  id = "area.crash.nil-index",
  severity = "error",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    return a.cost_sek.x   -- a number has no fields
  end,
}
