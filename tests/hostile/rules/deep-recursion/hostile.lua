rule {
  id = "action.hostile.deep-recursion",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    local function down(n) return 1 + down(n + 1) end
    return down(1)
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
