-- What check returns is ignored: none of these may crash the engine.
rule {
  id = "action.hostile.return-function", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) return function() while true do end end end,
}
rule {
  id = "action.hostile.return-table", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) return setmetatable({}, {__tostring = function() error("no") end}) end,
}
rule {
  id = "action.hostile.return-number", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) return 0/0, math.huge, -1 end,
}
rule {
  id = "action.hostile.return-many", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) return table.unpack({}, 1, 200) end,
}
rule {
  id = "action.hostile.return-view", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) return a, a.financing, "text", true end,
}

-- The canary: declared after the hostile rule, it proves the rules after it
-- still run (one info finding per action, which does not change the exit code).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
