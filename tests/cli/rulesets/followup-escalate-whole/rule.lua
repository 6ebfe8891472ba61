rule {
  id = "followup.escalate.whole-report",
  severity = "warning",
  applies_to = "followup",
  message = {sv = "Hela rapporten lyfts.", en = "The whole report is escalated."},
  source = "a test ruleset",
  check = function(fu, plan)
    report(fu, nil)
  end,
}
