-- Reads what a-set.lua left: each rule file has its own globals, so this
-- must be an "undefined name" error, not the value.
rule {
  id = "action.hostile.read-global",
  severity = "error",
  message = {sv = "globalen läckte: {what}", en = "the global leaked: {what}"},
  check = function(a)
    report(a, nil, {what = tostring(leaked)})
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
