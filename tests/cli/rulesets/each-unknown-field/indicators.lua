-- Every action names at least one indicator (source: house policy, an
-- example of a rule over a field a child ruleset adds).
rule {
  id = "action.indicators.missing",
  severity = "warning",
  message = {
    sv = "Insats {id} anger ingen indikator (indicators) som visar hur arbetet går.",
    en = "Action {id} names no indicator (indicators) that shows how the work is going.",
  },
  remediation = {
    sv = "Ange minst en indikator, t.ex. 'indicators: [Antal genomförda piloter]'.",
    en = "Name at least one indicator, e.g. 'indicators: [Number of pilots run]'.",
  },
  check = function(a)
    local n = 0
    for _, _ in each(a.indicators) do n = n + 1 end
    if n == 0 then report(a, "indicators", {id = text(a, "id") or "?"}) end
  end,
}
