rule { id = "plan.error.table-in-format", severity = "info", source = "house policy (a test ruleset)", message = "m",
  check = function(plan)
    return string.format("%s", setmetatable({}, {__tostring = function() error({}) end}))
  end }
