rule {
  id = "strategy.crash.nil-index",
  severity = "error",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(s)
    return s.no_such_field.x   -- a strategy has no such field: nil
  end,
}
