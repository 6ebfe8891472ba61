-- string.rep of the empty string math.maxinteger times: no memory, but a C loop of 2^63 steps
rule {
  id = "plan.hostile.time-rep-empty",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local s = string.rep("", math.maxinteger)
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
