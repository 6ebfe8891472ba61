rule {
  id = "area.title.short",
  severity = "warning",
  message = {sv = "Titeln är kort.", en = "The title is short."},
  check = function(area)
    local t = area.title
    if t ~= nil and #tostring(t) < 3 then report(area, "title") end
  end,
}
