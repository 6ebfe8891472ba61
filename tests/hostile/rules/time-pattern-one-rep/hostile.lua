-- a Lua pattern with one repetition over 4 MB (a*b: quadratic inside one C call; the guard counted two or more)
rule {
  id = "plan.hostile.time-pattern-one-rep",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("a", 4 << 20)
    return text:find("a*b")
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
