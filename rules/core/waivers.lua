-- A plan may waive a finding on purpose, with a reason (FORMATS.md section 1).
-- These rules keep waivers honest; the engine applies them.

rule {
  id = "plan.waiver.unknown-rule",
  severity = "error",
  source = "house policy (a waiver says why, and names a real rule and action)",
  message = {
    sv = "Undantaget gäller regeln '{rule}', som inte finns{hint}.",
    en = "The waiver names the rule '{rule}', which does not exist{hint}.",
  },
  remediation = {
    sv = "Rätta regelns id i undantagets 'rule:' (se 'styr rules list'), eller ta bort undantaget om regeln inte längre finns.",
    en = "Correct the rule id in the waiver's 'rule:' (see 'styr rules list'), or remove the waiver if the rule no longer exists.",
  },
  check = function(plan)
    local ids
    for i, w in each(plan.waivers) do
      local r = text(w, "rule")
      if r ~= nil then
        local family = r:match("^(.*)%.%*$")
        local known = ruleset.has_rule(r)
        if family then
          ids = ids or ruleset.rule_ids()
          for _, id in ipairs(ids) do
            if id:sub(1, #family + 1) == family .. "." then known = true break end
          end
        end
        if not known then
          ids = ids or ruleset.rule_ids()
          local near = nearest(r, ids)
          local hint = did_you_mean(near)
          report(w, "rule", {rule = r, hint = hint})
        end
      end
    end
  end,
}

rule {
  id = "plan.waiver.reason-missing",
  severity = "error",
  source = "house policy (a waiver says why, and names a real rule and action)",
  message = {
    sv = "Ett undantag måste ha ett skäl (reason); utan skäl gäller det inte.",
    en = "A waiver needs a reason; without one it waives nothing.",
  },
  remediation = {
    sv = "Skriv i undantagets 'reason:' varför avvikelsen godtas, t.ex. 'reason: Ansvar fördelas vid nästa revidering'.",
    en = "State in the waiver's 'reason:' why the deviation is accepted, e.g. 'reason: Ownership is assigned at the next revision'.",
  },
  check = function(plan)
    for _, w in each(plan.waivers) do
      local r = w.reason
      if r == nil or tostring(r):match("^%s*$") then report(w, "reason") end
    end
  end,
}

rule {
  id = "plan.waiver.action-unknown",
  severity = "error",
  source = "house policy (a waiver says why, and names a real rule and action)",
  message = {
    sv = "Undantaget gäller insats '{target}', som inte finns i planen.",
    en = "The waiver is for action '{target}', which the plan does not have.",
  },
  remediation = {
    sv = "Rätta insatsens id i undantagets 'action:' så att det stämmer med en insats i planen, eller ta bort undantaget.",
    en = "Correct the action id in the waiver's 'action:' to match an action in the plan, or remove the waiver.",
  },
  check = function(plan)
    for _, w in each(plan.waivers) do
      local id = text(w, "action")
      if id ~= nil and find_action(id) == nil then report(w, "action", {target = id}) end
    end
  end,
}
