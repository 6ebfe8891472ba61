-- Runs after a-hostile.lua: string methods must still be the real ones.
rule {
  id = "action.hostile.string-methods-changed",
  severity = "error",
  message = {sv = "strängmetoderna är utbytta", en = "string methods were replaced: {got}"},
  check = function(a)
    local got = ("abc"):upper()
    if got ~= "ABC" then report(a, nil, {got = tostring(got)}) end
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
