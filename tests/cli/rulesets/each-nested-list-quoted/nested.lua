rule {
  id = "action.groups.first-first",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Insats {id}: {n} delar.", en = "Action {id}: {n} parts."},
  check = function(a)
    local g = a["två grupper"]
    if kind(g) ~= "list" then return end
    local n = 0
    for _ in each(g[1][1]) do n = n + 1 end
    report(a, "två grupper", {id = text(a, "id") or "?", n = n})
  end,
}
