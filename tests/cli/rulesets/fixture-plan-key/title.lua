rule {
  id = "plan.title.short",
  severity = "warning",
  message = {sv = "Titeln är kort.", en = "The title is short."},
  source = "tests only",
  check = function(plan)
    local t = plan.title
    if t ~= nil and #tostring(t) < 3 then report(plan, "title") end
  end,
}
