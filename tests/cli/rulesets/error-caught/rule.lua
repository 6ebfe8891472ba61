rule { id = "plan.caught.message", severity = "info", message = {sv = "Fångat: {m}", en = "Caught: {m}"},
  source = "tests only",
  check = function(plan)
    local ok, m = pcall(function() error("bom") end)
    report(plan, nil, {m = m})
  end }
