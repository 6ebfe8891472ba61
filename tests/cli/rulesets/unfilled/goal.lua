rule {
  id = "plan.goal.named",
  severity = "info",
  source = "house policy (a test ruleset)",
  -- the bug on purpose: only the English text has {hint}, which no call gives
  message = {sv = "Planens mål är {goal}.", en = "The plan's goal is {goal}{hint}."},
  check = function(plan)
    if plan.goal ~= nil then report(plan, "goal", {goal = text(plan, "goal")}) end
  end,
}
