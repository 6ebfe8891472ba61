rule {
  id = "plan.title.short",
  severity = "warning",
  source = "house policy (a test ruleset)",
  description = "A title says what the plan is about.",
  message = {sv = "Titeln har {n} tecken, färre än 3.", en = "The title has {n} characters, fewer than 3."},
  check = function(plan) if #tostring(plan.title or "") < 3 then report(plan, "title", {n = #tostring(plan.title or "")}) end end,
}
