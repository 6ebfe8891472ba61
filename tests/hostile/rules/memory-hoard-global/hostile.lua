-- The hoard stays referenced after the rule is stopped: the state is full
-- when the engine next works in it (outside any protected call) and when the
-- other rules run. The run must stop with exit 2 and a position, never abort.
local hoard = {}
rule {
  id = "plan.hostile.hoard",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    while true do hoard[#hoard + 1] = string.rep("h", 1 << 16) .. #hoard end   -- line 10
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
