-- Walks every action's timeline as a list (each() of a mapping marks it
-- invalid: a finding of its own), then reports the actions each owner
-- carries per year, from workload.owners() (source: house policy, a test
-- ruleset; golden validate-timeline-walked-as-list).
rule {
  id = "plan.owner.years",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {
    sv = "{owner} har insatser: {years}.",
    en = "{owner} carries actions: {years}.",
  },
  check = function(plan)
    for _, a in each(plan.actions) do
      for _ in each(a.timeline) do end
    end
    local owners = workload.owners()
    if owners == nil then return end
    for _, o in ipairs(owners) do
      local parts = {}
      for _, y in ipairs(o.years) do parts[#parts + 1] = y.year .. ": " .. y.actions end
      report(plan, "actions", {owner = o.owner, years = table.concat(parts, ", ")})
    end
  end,
}
