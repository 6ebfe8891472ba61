local kept = {}
rule {
  id = "plan.hoard",
  severity = "info",
  message = {sv = "Sparar minne.", en = "Keeps memory."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    kept[#kept + 1] = string.rep("x", 5 * 1024 * 1024)
  end,
}
rule {
  id = "plan.ask",
  severity = "info",
  message = {sv = "Fick minnet.", en = "Got the memory."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    local s = string.rep("y", 4 * 1024 * 1024)
    if #s > 0 then report(plan) end
  end,
}
