-- a million cheap-looking calls, each scanning 64 MB (the instruction budget counts calls, not bytes)
rule {
  id = "plan.hostile.time-many-scans",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("a", 64 << 20)
    for i = 1, 1000000 do text:find("b", 1, true) end
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
