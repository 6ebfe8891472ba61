rule {
  id = "followup.facts.number",
  severity = "info",
  applies_to = "followup",
  message = {sv = "Insats 2.1 har status {status}.", en = "Action 2.1 has status {status}."},
  source = "house policy (a test ruleset)",
  check = function(fu, plan)
    local f = followup.facts(2.1)
    if f ~= nil then report(fu, nil, {status = tostring(f.status)}) end
  end,
}
