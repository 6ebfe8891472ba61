rule {
  id = "plan.title.short",
  severity = "warning",
  message = {sv = "Titeln är kort.", en = "The title is short."},
  -- Only a Swedish remediation: `rules doc` shows it (in either language).
  remediation = {sv = "Skriv en titel på minst tre tecken."},
  check = function(plan)
    local t = plan.title
    if t == nil then return end
    if #tostring(t) < 3 then
      report(plan, "title")
    elseif #tostring(t) > 200 then
      report(plan, "title")
    end
  end,
}
