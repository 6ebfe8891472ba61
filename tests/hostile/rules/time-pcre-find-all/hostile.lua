-- pattern.find_all over 10,000 runs of 18 a's, each match costing most of
-- PCRE2's match limit (time-pcre-caught: the limit hit under pcall).
local runs = string.rep(string.rep("a", 18) .. "c", 10000)
rule {
  id = "plan.hostile.find-all-expo",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p) return #pattern.find_all("expo", runs) end,
}
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
