rule {
  id = "plan.title.missing",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "Planen saknar titel.", en = "The plan has no title."},
  description = "?",
  remediation = "!",
  check = function(plan)
    if plan.title == nil then report(plan) end
  end,
}
