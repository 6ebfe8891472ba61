rule {
  id = "plan.ask",
  severity = "info",
  message = {sv = "Ber om minne.", en = "Asks for memory."},
  source = "house policy (a test ruleset)",
  check = function(plan)
    local s = string.rep("y", 6 * 1024 * 1024)
    return #s
  end,
}
