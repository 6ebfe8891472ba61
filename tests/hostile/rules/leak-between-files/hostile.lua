-- What these rules keep - a global counter, a file-level table of ids -
-- must not outlive the input file: the second file on the command line
-- starts from fresh rules and is judged exactly like the first.
local seen = {}
files_judged = 0
rule {
  id = "plan.hostile.leak-global",
  severity = "error",
  message = {sv = "x", en = "leaked: {n} files judged before"},
  check = function(p)
    if files_judged > 0 then report(p, nil, {n = files_judged}) end
    files_judged = files_judged + 1
  end,
}
rule {
  id = "action.hostile.leak-upvalue",
  severity = "error",
  message = {sv = "x", en = "leaked: action {id} seen in an earlier file"},
  check = function(a)
    local id = tostring(a.id)
    if seen[id] then report(a, "id", {id = id}) end
    seen[id] = true
  end,
}

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
