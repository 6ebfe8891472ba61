rule {
  id = "plan.title.missing",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "Planen saknar titel.", en = "The plan has no title."},
  description = {sv = "En plan utan titel går inte att hitta i diariet.",
                 en = "A plan without a title cannot be found in the register."},
  check = function(plan)
    if plan.title == nil then report(plan) end
  end,
}
