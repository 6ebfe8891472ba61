local kept = {}
rule {
  id = "plan.keep",
  severity = "info",
  message = {sv = "Sparar lite minne.", en = "Keeps some memory."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    kept[#kept + 1] = string.rep("k", 256 * 1024)
  end,
}
