-- Views of the first file are kept at file level and used during the
-- second: each use must be an error at its line, never a read of freed memory.
local kept_root, kept_action, kept_child
rule {
  id = "plan.hostile.keep-root",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    if kept_root then return kept_root.actions[1].id end   -- line 9
    kept_root = p
  end,
}
rule {
  id = "action.hostile.keep-action",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    if kept_action then report(kept_action, "id") end   -- line 18
    kept_action = a
  end,
}
rule {
  id = "action.hostile.keep-child",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    if kept_child then for k, v in pairs(kept_child) do end end   -- line 27
    kept_child = a.links or a
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
