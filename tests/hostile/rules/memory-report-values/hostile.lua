-- Each finding's message holds the 1 MiB value.
local value = string.rep("v", 1 << 20)
rule {
  id = "action.hostile.memory-report-values",
  severity = "info",
  message = {sv = "{v}", en = "{v}"},
  check = function(a)
    for i = 1, 2000 do report(a, "owner", {v = value}) end
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
