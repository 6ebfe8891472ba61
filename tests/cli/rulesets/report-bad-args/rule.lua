rule {
  id = "plan.report.bad-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{n}", en = "{n}"},
  check = function(plan)
    report(plan, nil, "n = 1")
  end,
}

rule {
  id = "plan.report.good-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "värdet {n}", en = "the value {n}"},
  check = function(plan)
    report(plan, nil, {n = 1})
  end,
}

rule {
  id = "plan.nearest.bad-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    nearest("abc", "abd")   -- a text where the list of candidates belongs
  end,
}

-- The iterator pairs() gives over a map of the plan, called with something
-- else than the map: a rule crash that says what it wanted, never a crash
-- of styr.
rule {
  id = "plan.pairs.bad-args",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    local step = pairs(plan)
    step(5, nil)
  end,
}
