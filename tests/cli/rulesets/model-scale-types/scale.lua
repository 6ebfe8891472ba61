rule {
  id = "area.scale.shown",
  severity = "info",
  source = "test ruleset: model_criteria()'s bounds as a rule writes them",
  message = {sv = "Skalan för {criterion}: {low}–{high} ({types}).", en = "The scale of {criterion}: {low}–{high} ({types})."},
  check = function(area)
    local c = model_criteria()[1]
    if c == nil then return end
    report(area, "id", {criterion = c.id, low = tostring(c.low), high = tostring(c.high),
                        types = math.type(c.low) .. ", " .. math.type(c.high)})
  end,
}
