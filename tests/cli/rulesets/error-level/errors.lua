local function refuse(what)
  error("no " .. what, 2)
end
rule { id = "plan.level.caller", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan)
    refuse("plan")
  end }
