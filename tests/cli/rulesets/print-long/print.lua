rule {
  id = "plan.debug.long",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "utskrivet", en = "printed"},
  check = function(plan)
    local long = string.rep("p", 100000)
    for _ = 1, 20 do print(long, "och mer") end
  end,
}
