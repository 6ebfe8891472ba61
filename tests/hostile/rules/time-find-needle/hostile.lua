-- a plain find of a 2 MB needle in a 4 MB text (4e12 byte compares in one C call)
rule {
  id = "plan.hostile.time-find-needle",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    local text = string.rep("a", 4 << 20)
    local needle = string.rep("a", 2 << 20) .. "b"
    return text:find(needle, 1, true)
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
