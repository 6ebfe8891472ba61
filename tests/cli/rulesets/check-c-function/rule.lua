-- check is string.rep itself: called with the plan, it fails at once,
-- with no line of Lua running

rule {
  id = "plan.check.c-function",
  severity = "info",
  message = {sv = "Aldrig.", en = "Never."},
  source = "tests only",
  check = string.rep,
}
