rule {
  id = "plan.period.named",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Planen gäller {from}-{to}.", en = "The plan runs {from}-{to}."},
  -- the bug on purpose: only the English remedy has {why}, which no call gives
  remediation = {sv = "Kontrollera åren {from}-{to}.", en = "Check the years {from}-{to}{why}."},
  check = function(plan)
    local p = plan.period
    if p ~= nil and p.from ~= nil then report(plan, "period", {from = p.from, to = p.to}) end
  end,
}
