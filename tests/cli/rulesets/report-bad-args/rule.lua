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

-- registry.owner() of something that is no text (nil, a table, a number):
-- nothing found, never a crash.
rule {
  id = "plan.registry.no-text",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{got}", en = "{got}"},
  check = function(plan)
    report(plan, nil, {got = tostring(registry.owner(nil)) .. " " .. tostring(registry.owner({})) .. " " ..
      tostring(registry.program(5))})
  end,
}

-- each() of the whole document (a mapping by definition): a mistake in the
-- rule, which stops with what each() takes; the plan gets no finding for it.
rule {
  id = "plan.each.root",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    for _ in each(plan) do end
  end,
}

-- find_action() of something that is no text or number: nothing found,
-- never a crash; a number is looked up as the id it is written as (1.1).
rule {
  id = "plan.find-action.no-text",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{got}", en = "{got}"},
  check = function(plan)
    report(plan, nil, {got = tostring(find_action({})) .. " " .. tostring(find_action(true)) .. " " ..
      tostring(find_action(1.1) ~= nil)})
  end,
}

-- each() of a true/false just read from the plan (illustrative): the value
-- is known as the plan's, so the loop runs no time (a ruleset with a schema
-- also reports it as no list there); never a rule crash (golden
-- rule-each-boolean).
rule {
  id = "plan.each.boolean",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{n} varv", en = "{n} rounds"},
  check = function(plan)
    local n = 0
    for _ in each(plan.illustrative) do n = n + 1 end
    report(plan, nil, {n = n})
  end,
}
