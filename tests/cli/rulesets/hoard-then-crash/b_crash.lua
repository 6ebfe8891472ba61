rule {
  id = "plan.crash",
  severity = "error",
  message = {sv = "Aldrig.", en = "Never."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    error("a plain error, no memory")
  end,
}
