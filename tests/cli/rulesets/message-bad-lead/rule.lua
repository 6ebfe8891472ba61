rule {
  id = "plan.bad-lead",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "{text}", en = "{text}"},
  check = function(plan)
    report(plan, nil, {text = "x\195<b>y"})
  end,
}
