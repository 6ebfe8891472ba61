rule {
  id = "plan.title.short",
  severity = "warning",
  message = {sv = "Titeln är kort.", en = "The title is short."},
  remediation = {sv = "Skriv en titel på minst tre tecken."},
  check = function(plan)
    local t = plan.title
    if t == nil then return end
    local n = #tostring(t)
    if n < 3 then
      report(plan, "title")
    elseif n > 200 then
      n = 200
      report(plan, "title")
    end
  end,
}
