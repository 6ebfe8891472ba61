-- ("").dump is looked up in the string metatable's __index, the engine's own
-- string table, not the per-file copy where string.dump is blocked.
rule {
  id = "action.hostile.string-dump-via-metatable",
  severity = "error",
  message = {sv = "string.dump nåddes: {n} byte bytekod", en = "string.dump reached: {n} bytes of bytecode"},
  check = function(a)
    local bytecode = ("").dump(function() return 1 end)
    report(a, nil, {n = #bytecode})
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
