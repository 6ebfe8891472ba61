local kept = {}
rule {
  id = "plan.hoard",
  severity = "info",
  message = {sv = "Sparar minne.", en = "Keeps memory."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    kept[#kept + 1] = string.rep("x", 3 * 1024 * 1024)
  end,
}
