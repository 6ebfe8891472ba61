rule {
  id = "plan.iso9001.missing",
  severity = "info",
  message = {sv = "Planen nämner inte ISO 9001.", en = "The plan does not mention ISO 9001."},
  source = "house policy (a test of rule ids with digits)",
  check = function(plan)
    report(plan, "title")
  end,
}
