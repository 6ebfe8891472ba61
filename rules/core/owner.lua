-- Every action has an owner (ansvarig nämnd, styrelse or bolag) that the
-- registry knows, in any of its spellings. A plan may name a default owner
-- at its top level ("kommunstyrelsen ansvarar för flertalet insatser"); an
-- action without its own owner takes it (FORMATS.md section 8).

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
  source = "seed lines 210, 222 (ansvar för genomförandet); Göteborgs Stads riktlinje för styrande dokument",
  check = function(a, plan)
    if a.owner == nil and (plan == nil or plan.owner == nil) then report(a, "owner") end
  end,
}

rule {
  id = "plan.owner.default",
  severity = "warning",
  message = {
    sv = "{count} av {total} insatser ({ids}) anger ingen egen ansvarig och faller på planens ansvariga {owner}.",
    en = "{count} of {total} actions ({ids}) name no owner of their own and fall to the plan's owner {owner}.",
  },
  remediation = {
    sv = "Ange 'owner:' i varje insats, så att ansvaret syns i uppföljningen (UR2, UR4).",
    en = "Give 'owner:' in each action, so that follow-up (UR2, UR4) shows who answers for it.",
  },
  source = "seed line 210 (\"ett ansvar för genomförande av flertalet insatser\")",
  check = function(plan)
    if plan.owner == nil then return end
    -- Only the first eight ids are kept, each cut to 40 characters: the
    -- message stays short however many actions, and however long their ids.
    local shown, count, total = {}, 0, 0
    for _, a in each(plan.actions) do
      total = total + 1
      if a.owner == nil then
        count = count + 1
        if count <= 8 then
          local id = tostring(text(a, "id") or "?")
          local cut = utf8.offset(id, 41)   -- a whole number of characters
          if cut and cut <= #id then id = id:sub(1, cut - 1) .. "…" end
          shown[#shown + 1] = id
        end
      end
    end
    if count == 0 then return end
    if count > 8 then shown[#shown + 1] = "…" end
    report(plan, "owner", {count = count, total = total, ids = table.concat(shown, ", "),
                           owner = tostring(plan.owner)})
  end,
}

rule {
  id = "plan.owner.unknown",
  severity = "error",
  message = {
    sv = "Planens ansvariga '{owner}' finns inte i registret{hint}.",
    en = "The plan's owner '{owner}' is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta stavningen av 'owner:' överst i planen, eller lägg till nämnden i registry.yaml.",
    en = "Fix the spelling of the top-level 'owner:', or add the board to registry.yaml.",
  },
  source = "house policy (owners are named as the registry names them)",
  check = function(plan)
    local owner = plan.owner
    if owner == nil or registry.size("owner") == 0 then return end
    if registry.owner(tostring(owner)) ~= nil then return end
    report(plan, "owner", {owner = owner, hint = did_you_mean(registry.suggest("owner", tostring(owner)))})
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
  source = "house policy (owners are named as the registry names them)",
  check = function(a)
    local owner = a.owner
    if owner == nil or registry.size("owner") == 0 then return end
    owner = tostring(owner)
    if registry.owner(owner) ~= nil then return end
    local near = registry.suggest("owner", owner)
    report(a, "owner", {owner = owner, hint = did_you_mean(near)})
  end,
}

-- The registry's entry for an owner spelling, and whether the spelling is one
-- of the entry's offices (förvaltningar) rather than the board itself.
local offices_cache = {}   -- entry name -> set of folded offices (the registry does not change during a run)
local function office_of(entry, spelling)
  local name = tostring(entry.name)
  local set = offices_cache[name]
  if set == nil then
    set = {}
    for _, o in each(entry.offices) do set[fold(tostring(o))] = tostring(o) end
    offices_cache[name] = set
  end
  if next(set) == nil then return nil end
  return set[fold(spelling)]
end

rule {
  id = "action.owner.office",
  severity = "info",
  message = {
    sv = "Insats {action}: '{owner}' är förvaltningen; ansvarig nämnd/styrelse är {board}.",
    en = "Action {action}: '{owner}' is the office (förvaltning); the responsible board is {board}.",
  },
  remediation = {
    sv = "Skriv nämnden eller styrelsen som ansvarig, t.ex. 'owner: {board}'; förvaltningen kan stå bland 'partners'.",
    en = "Name the board as owner, e.g. 'owner: {board}'; the office may be listed among 'partners'.",
  },
  source = "seed line 218 (nämnder och styrelser fastställer; förvaltningar och bolag genomför)",
  check = function(a)
    local owner = a.owner
    if owner == nil then return end
    local e = registry.owner(tostring(owner))
    if e == nil then return end
    if office_of(e, tostring(owner)) then
      report(a, "owner", {owner = owner, board = tostring(e.name)})
    end
  end,
}

rule {
  id = "action.owner.merged",
  severity = "warning",
  message = {
    sv = "Insats {action}: '{owner}' finns inte längre; verksamheten har gått upp i {successor}.",
    en = "Action {action}: '{owner}' no longer exists; its work has passed to {successor}.",
  },
  remediation = {
    sv = "Ange 'owner: {successor}'.",
    en = "Write 'owner: {successor}'.",
  },
  source = "registry (merged_into)",
  check = function(a)
    local owner = a.owner
    if owner == nil then return end
    local e = registry.owner(tostring(owner))
    if e ~= nil and e.merged_into ~= nil then
      report(a, "owner", {owner = owner, successor = tostring(e.merged_into)})
    end
  end,
}
