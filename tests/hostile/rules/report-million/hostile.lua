rule {
  id = "action.hostile.report-million",
  severity = "error",
  message = {sv = "rapport {i}", en = "report {i}"},
  check = function(a)
    for i = 1, 1000000 do report(a, "owner", {i = i}) end
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
