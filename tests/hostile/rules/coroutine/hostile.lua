rule {
  id = "action.hostile.coroutine-wrap",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a)
    local f = coroutine.wrap(function() while true do coroutine.yield() end end)
    f()
  end,
}
rule {
  id = "action.hostile.coroutine-create",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a)
    local co = coroutine.create(function() while true do end end)
    return coroutine.resume(co)
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
