-- a %b() pattern over 2 MB of open brackets (quadratic inside one C call)
rule {
  id = "plan.hostile.time-pattern-balance",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("(", 2 << 20)
    return text:find("%b()")
  end,
}

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
