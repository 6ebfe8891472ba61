rule {
  id = "action.hostile.error-tostring-loop",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    error(setmetatable({}, {__tostring = function() while true do end end}))
  end,
}

-- The canary: declared after the hostile rule, it proves the rules after it
-- still run (one info finding per action, which does not change the exit code).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
