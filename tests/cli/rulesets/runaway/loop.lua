rule { id = "plan.loop", severity = "info", source = "house policy (a test ruleset)", message = "m",
  check = function(plan)
    local n = 0
    while true do n = n + 1 end
  end }
