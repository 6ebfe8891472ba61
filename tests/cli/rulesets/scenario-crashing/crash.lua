rule {
  id = "scenario.crash.nil-index",
  severity = "error",
  source = "a test ruleset",
  message = {sv = "aldrig", en = "never"},
  check = function(s)
    return s.no_such_field.x   -- nil has no fields
  end,
}
