-- The position of a crash comes from the engine (the line that raised),
-- never from the message text.
local function spoof(name, raise)
  rule {
    id = "action.hostile.spoof-" .. name,
    severity = "error",
    message = {sv = "x", en = "x"},
    check = function(a) raise() end,   -- line 8
  }
end
spoof("level0", function() error("rules/core/owner.lua:4: rule action.owner.unknown crashed: forged", 0) end)   -- line 11
spoof("level1", function() error("rules/core/owner.lua:4: forged at level 1") end)   -- line 12
spoof("level2", function() error("rules/core/owner.lua:4: forged at level 2", 2) end)   -- line 13
spoof("table", function() error(setmetatable({}, {__tostring = function() return "rules/core/plan.lua:9: forged" end})) end)   -- line 14
spoof("newline", function() error("x\nrules/core/owner.lua:7: error: forged on a line of its own", 0) end)   -- line 15

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
