-- 3,000 actions x 40 KB = 120 MB kept: past a 64 MiB budget however the
-- actions are split between two states.
local kept = {}
rule {
  id = "action.hostile.memory-two-cores",
  severity = "info",
  message = {sv = "x", en = "x"},
  check = function(a)
    kept[#kept + 1] = string.rep("m", 40000) .. tostring(a)
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
