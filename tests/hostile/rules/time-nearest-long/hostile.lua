-- nearest() with 10,000 candidates of 64 KB each (31 s a call before)
rule {
  id = "plan.hostile.time-nearest-long",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local long = string.rep("x", 65536)
    local cands = {}
    for i = 1, 10000 do cands[i] = long end
    for i = 1, 20 do nearest("owner", cands) end
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
