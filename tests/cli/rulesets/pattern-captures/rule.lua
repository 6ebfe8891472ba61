rule {
  id = "plan.pattern.captures",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{got}", en = "{got}"},
  check = function(plan)
    local parts = {}
    for _, m in ipairs(pattern.find_all("amount-with-unit", "3 MSEK, 250 kr och 7")) do
      parts[#parts + 1] = m.match .. "@" .. m.from .. "-" .. m.to .. "=" .. tostring(m.captures[1]) .. "/" .. tostring(m.captures[2])
    end
    report(plan, nil, {got = table.concat(parts, "; ")})
  end,
}

rule {
  id = "plan.pattern.unknown",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    pattern.match("amount", "3 MSEK")
  end,
}

rule {
  id = "plan.pattern.no-such-group",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan)
    pattern.find_all("amount-with-unit", "3 MSEK", 3)   -- groups 0 to 2
  end,
}

-- Empty matches count, the one at the very end too (as Python's findall):
-- "12 " gives "12", "" before the space and "" at the end; "" gives one.
rule {
  id = "plan.pattern.empty-matches",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{got}", en = "{got}"},
  check = function(plan)
    local all = pattern.find_all("digits", "12 ", 0)
    report(plan, nil, {got = "[" .. table.concat(all, "|") .. "] " .. #all .. "; tom text: " ..
      #pattern.find_all("digits", "", 0)})
  end,
}

-- A pattern that backtracks without end on a text it cannot match gives up
-- at the match limit: the rule stops with that error, the match is not
-- taken as found (nor as not found).
rule {
  id = "plan.pattern.gives-up",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{got}", en = "{got}"},
  check = function(plan)
    report(plan, nil, {got = tostring(pattern.match("backtrack", string.rep("a", 40) .. "b"))})
  end,
}
