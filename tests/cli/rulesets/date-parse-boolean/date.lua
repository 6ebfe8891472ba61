rule {
  id = "plan.date.reason",
  severity = "info",
  message = {sv = "Inget datum: {why}", en = "No date: {why}"},
  source = "house policy (a test ruleset)",
  check = function(plan)
    local day, why = date.parse(true, "start")
    if day == nil then report(plan, nil, {why = why}) end
  end,
}
