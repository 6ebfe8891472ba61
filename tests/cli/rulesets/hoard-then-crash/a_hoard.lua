-- Keeps 3 MiB for the rest of the file's life: more than a quarter of an
-- 8 MiB --max-rule-memory, but within it.
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
