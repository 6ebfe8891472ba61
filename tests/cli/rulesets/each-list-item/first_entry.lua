-- The first financing entry of an action read as a list (a mistake a rule
-- can make): each() over a mapping inside a list reports it as not a list,
-- naming the entry by its place in the list (golden each-over-list-item).
rule {
  id = "action.financing.first-parts",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Insats {id}: {n} delar.", en = "Action {id}: {n} parts."},
  check = function(a)
    if kind(a.financing) ~= "list" then return end
    local n = 0
    for _, _ in each(a.financing[1]) do n = n + 1 end
    report(a, "financing", {id = text(a, "id") or "?", n = n})
  end,
}
