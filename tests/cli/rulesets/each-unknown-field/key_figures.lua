-- Every action names at least one key figure (source: house policy, a test
-- ruleset). key_figures is a field no schema knows, so a plain text there
-- reaches each() as a Lua string, not a view of the plan: each() must find
-- the node it was read from and report it as not a list, not crash
-- (golden each-over-text).
rule {
  id = "action.key-figures.missing",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {
    sv = "Insats {id} anger inget nyckeltal (key_figures).",
    en = "Action {id} names no key figure (key_figures).",
  },
  remediation = {
    sv = "Ange minst ett nyckeltal, t.ex. 'key_figures: [Antal genomförda piloter]'.",
    en = "Name at least one key figure, e.g. 'key_figures: [Number of pilots run]'.",
  },
  check = function(a)
    local n = 0
    for _, _ in each(a.key_figures) do n = n + 1 end
    if n == 0 then report(a, "key_figures", {id = text(a, "id") or "?"}) end
  end,
}
