rule {
  id = "plan.title.short",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "Titeln har {n} tecken, färre än 3.", en = "The title has {n} characters, fewer than 3."},
  check = function(plan)
    local t = plan.title
    if t ~= nil and #tostring(t) < 3 then report(plan, "title", {n = #tostring(t)}) end
  end,
}
