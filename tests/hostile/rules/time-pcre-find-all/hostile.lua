-- pattern.find_all over 10,000 runs of 18 a's, each match costing most of
-- PCRE2's match limit; a match that hits the limit, caught with pcall, a
-- million times; and pattern.test on an exponential pattern in a loop.
local runs = string.rep(string.rep("a", 18) .. "c", 10000)
rule {
  id = "plan.hostile.find-all-expo",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p) return #pattern.find_all("expo", runs) end,
}
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
