-- table.move over 2^62 slots with a C function as __index (the hook never fires)
rule {
  id = "plan.hostile.time-table-move",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local src = setmetatable({}, {__index = rawequal})
    table.move(src, 1, 1 << 62, 1, {})
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
