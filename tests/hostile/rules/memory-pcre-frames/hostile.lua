-- Frames of one match past the heap limit (an error at the rule's line);
-- the same after the rule has filled the budget (the memory stop, blamed on
-- this rule); and the heap limit hit again and again under pcall.
local text = string.rep("a", 2 << 20)
rule {
  id = "plan.hostile.frames-one-match",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p) return pattern.match("frames", text) end,
}
local hoard = {}
rule {
  id = "plan.hostile.frames-after-hoard",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    for i = 1, 20 do hoard[i] = string.rep(string.char(64 + i), 1 << 20) end
    return pattern.find_all("frames-lazy", text)
  end,
}
rule {
  id = "plan.hostile.frames-caught",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    -- its own text: the file-level locals were let go with the hoard
    local own = string.rep("a", 2 << 20)
    for i = 1, 1e6 do pcall(pattern.match, "frames", own) end
  end,
}

rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
