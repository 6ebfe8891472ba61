-- A match that hits PCRE2's match limit, caught with pcall, a million
-- times, through find_all and through match: each call is bounded by the
-- limit, the loop by the rule call's time limit.
rule {
  id = "plan.hostile.find-all-caught",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("word ", 5000) .. "x"
    for i = 1, 1e6 do pcall(pattern.find_all, "nested", text) end
  end,
}
rule {
  id = "plan.hostile.match-loop",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("word ", 5000) .. "x"
    for i = 1, 1e6 do pcall(pattern.match, "nested", text) end
  end,
}

rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
