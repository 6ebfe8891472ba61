rule {
  id = "action.hostile.string-grow-bomb",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    local s, keep = "x", {}
    while true do
      s = s .. s
      keep[#keep + 1] = s
    end
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
