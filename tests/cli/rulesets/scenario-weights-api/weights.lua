-- What scenario_weights(s) gives a rule: the weights (summing to 1), where
-- they come from (source: given, pairwise or default), and for pairwise
-- judgements the consistency ratio; or nil and why (golden
-- rule-api-scenario-weights).
rule {
  id = "scenario.weights.seen",
  severity = "info",
  source = "house policy (a test of the rule API)",
  message = "{source}: a {a} b {b} c {c}{cr}",
  check = function(s)
    local w, why = scenario_weights(s)
    if w == nil then return report(s, nil, {source = "nil (" .. why .. ")", a = "-", b = "-", c = "-", cr = ""}) end
    local f = function(x) return string.format("%.3f", x) end
    report(s, nil, {source = w.source, a = f(w.weights.a), b = f(w.weights.b), c = f(w.weights.c),
                    cr = w.cr and string.format(", CR %.3f", w.cr) or ""})
  end,
}
