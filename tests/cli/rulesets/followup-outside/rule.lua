rule {
  id = "plan.followup-outside",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    return followup.as_of()   -- only a followup. rule may ask
  end,
}
