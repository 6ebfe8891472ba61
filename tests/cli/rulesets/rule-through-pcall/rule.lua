-- rule is called by pcall, a C function: the rule is still declared here,
-- on line 5. Its check is string.rep itself, so it fails at once with no
-- line of Lua running, and the crash is told at the declaration.

local ok = pcall(rule, {
  id = "plan.check.through-pcall",
  severity = "info",
  message = {sv = "Aldrig.", en = "Never."},
  source = "tests only",
  check = string.rep,
})
assert(ok)
