rule {
  id = "plan.report.bad-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{n}", en = "{n}"},
  check = function(plan)
    report(plan, nil, "n = 1")
  end,
}

rule {
  id = "plan.report.good-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "värdet {n}", en = "the value {n}"},
  check = function(plan)
    report(plan, nil, {n = 1})
  end,
}
