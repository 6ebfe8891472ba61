-- find_action() reads the plan being judged, which does not exist yet
-- while the file loads.
local first = find_action("1.1")

rule {
  id = "plan.outside.check",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(plan) end,
}
