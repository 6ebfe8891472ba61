rule {
  id = "plan.debug.print",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "utskrivet", en = "printed"},
  check = function(plan)
    print("actions", #plan.actions, true, nil)
  end,
}
