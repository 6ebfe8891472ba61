-- The first key figure read as a list (the same mistake, over a text item):
-- each() reports the item as not a list, as it does a text field, rather
-- than crash the rule (golden each-over-list-item).
rule {
  id = "action.key-figures.first-parts",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Insats {id}: {n} delar i första nyckeltalet.", en = "Action {id}: {n} parts in the first key figure."},
  check = function(a)
    if kind(a.key_figures) ~= "list" then return end
    local n = 0
    for _, _ in each(a.key_figures[1]) do n = n + 1 end
    report(a, "key_figures", {id = text(a, "id") or "?", n = n})
  end,
}
