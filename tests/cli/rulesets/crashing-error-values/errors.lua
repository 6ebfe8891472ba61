rule { id = "plan.error.node", severity = "info", source = "house policy (a test ruleset)", message = "m",
  check = function(plan) error(plan) end }
rule { id = "plan.error.number-tostring", severity = "info", source = "house policy (a test ruleset)", message = "m",
  check = function(plan) error(setmetatable({}, {__tostring = function() return 42 end})) end }
