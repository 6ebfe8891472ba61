-- table.concat over 2^40 slots of a table whose __index is a C function
rule {
  id = "plan.hostile.time-table-concat",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local t = setmetatable({}, {__index = string.len, __len = function() return 1 << 40 end})
    return table.concat(t)
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
