rule {
  id = "action.noted",
  severity = "info",
  message = {sv = "Insats {action} är noterad.", en = "Action {action} is noted."},
  source = "house policy (a test ruleset)",
  check = function(a)
    report(a, "id")
  end,
}
