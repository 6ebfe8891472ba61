-- Every action has an owner (ansvarig nämnd, styrelse or bolag) that the
-- registry knows, in any of its spellings.

rule {
  id = "action.owner.missing",
  severity = "error",
  message = {
    sv = "Insats {action} saknar ansvarig nämnd/styrelse (owner).",
    en = "Action {action} has no owner (responsible board or company).",
  },
  remediation = {
    sv = "Ange 'owner:' med den nämnd, styrelse eller det bolag som ansvarar för genomförandet.",
    en = "Add 'owner:' naming the board or company responsible for carrying it out.",
  },
  check = function(a)
    if a.owner == nil then report(a, "owner") end
  end,
}

rule {
  id = "action.owner.unknown",
  severity = "error",
  message = {
    sv = "Insats {action}: ansvarig '{owner}' finns inte i registret{hint}.",
    en = "Action {action}: owner '{owner}' is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta stavningen, eller lägg till nämnden (eller ett alias) i registry.yaml.",
    en = "Fix the spelling, or add the board (or an alias) to registry.yaml.",
  },
  check = function(a)
    local owner = a.owner
    if owner == nil or registry.size("owner") == 0 then return end
    owner = tostring(owner)
    if registry.owner(owner) ~= nil then return end
    local near = registry.suggest("owner", owner)
    report(a, "owner", {owner = owner, hint = did_you_mean(near)})
  end,
}
