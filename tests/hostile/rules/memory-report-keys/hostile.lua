-- Each finding's path holds the 1 MiB key: 2 GB of C-side copies unless
-- they count toward the rules' memory.
local key = string.rep("k", 1 << 20)
rule {
  id = "action.hostile.memory-report-keys",
  severity = "info",
  message = {sv = "x", en = "x"},
  check = function(a)
    for i = 1, 2000 do report(a, key) end
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
