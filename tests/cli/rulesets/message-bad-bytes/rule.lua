rule {
  id = "plan.bad-bytes",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "{text}", en = "{text}"},
  check = function(plan)
    report(plan, nil, {text = "a\128b\1c ok"})
  end,
}
