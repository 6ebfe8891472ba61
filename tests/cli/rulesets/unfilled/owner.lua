rule {
  id = "plan.owner.named",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Planen ägs av {owner}.", en = "The plan is owned by {owner}."},
  remediation = {sv = "Kontrollera att {owner} beslutade planen {date}.", en = "Check that {owner} decided the plan on {date}."},
  check = function(plan)
    if text(plan, "owner") == "Kommunfullmäktige" then return end   -- tests/quiet.yaml
    local date = text(plan, "decided")
    if plan.owner == nil then
      report(plan, nil, {date = date})              -- the bug on purpose: no owner
    elseif date == nil then
      report(plan, "owner", {owner = text(plan, "owner")})   -- and no date
    else
      report(plan, "owner", {owner = text(plan, "owner"), date = date})
    end
  end,
}
