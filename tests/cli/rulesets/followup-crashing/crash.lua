rule {
  id = "followup.crash.nil-index",
  severity = "error",
  applies_to = "followup",
  message = {sv = "aldrig", en = "never"},
  source = "a test ruleset",
  check = function(fu, plan)
    return fu.no_such_field.year   -- nil has no fields
  end,
}
