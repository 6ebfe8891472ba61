rule {
  id = "action.hostile.table-bomb",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    local t = {}
    local chunk = string.rep("y", 1 << 20)
    for i = 1, 1 << 30 do
      t[i] = chunk .. i          -- 1 MiB a step
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
