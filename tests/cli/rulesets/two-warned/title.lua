rule {
  id = "plan.title.short",
  severity = "warning",
  message = {sv = "Titeln är kort.", en = "The title is short."},
  source = "tests only",
  check = function(plan)
    local t = plan.title
    if t == nil then return end
    local n = #tostring(t)
    if n < 3 then
      report(plan, "title")
    elseif n > 200 then
      report(plan, "title")
    end
  end,
}
rule {
  id = "plan.title.digits",
  severity = "warning",
  message = {sv = "Titeln har siffror.", en = "The title has digits."},
  source = "tests only",
  check = function(plan)
    local t = plan.title
    if t == nil then return end
    if tostring(t):find("%d") then
      report(plan, "title")
    elseif #tostring(t) > 500 then
      report(plan, "title")
    end
  end,
}
