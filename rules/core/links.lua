-- An action's links to the city's other programmes and to other actions -
-- listed or written in its description - point at real programmes and
-- actions. That every action links to another programme is house policy:
-- neither the seed nor the city's rules require it (coordination across
-- programmes is itself action 5.10), so it is info here and off in goteborg.

-- Whether a programme name is one the plan implements (not "another programme").
local function implemented(plan, name)
  local e = registry.program(tostring(name))
  local d = plan and plan.document
  for _, p in each(d and d.implements) do
    local pe = registry.program(tostring(p))
    if (e ~= nil and pe ~= nil and e.name == pe.name) or fold(tostring(p)) == fold(tostring(name)) then return true end
  end
  return false
end

rule {
  id = "action.links.program-missing",
  severity = "info",
  source = "house policy (not required by the seed or the city's riktlinje; seed line 240: coordination is action 5.10)",
  message = {
    sv = "Insats {action} länkar inte till något av stadens andra program (links.programs).",
    en = "Action {action} links to none of the city's other programmes (links.programs).",
  },
  remediation = {
    sv = "Ange under 'links:' vilket eller vilka av stadens program insatsen bidrar till, t.ex. 'links: {programs: [Näringslivsstrategiskt program]}'.",
    en = "Under 'links:', name the city programme or programmes the action contributes to, e.g. 'links: {programs: [Näringslivsstrategiskt program]}'.",
  },
  check = function(a, plan)
    local l = a.links
    for _, p in each(l and l.programs) do
      if not implemented(plan, p) then return end
    end
    if l == nil then report(a, "links") else report(l, "programs") end
  end,
}

rule {
  id = "action.links.program-unknown",
  severity = "error",
  source = "seed lines 240-242 (the city's programmes, as the registry names them)",
  message = {
    sv = "Insats {action} länkar till programmet '{program}', som inte finns i registret{hint}.",
    en = "Action {action} links to the programme '{program}', which is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta programmets namn i 'links.programs' så att det stämmer med registret, eller lägg till programmet (eller ett alias) i registry.yaml.",
    en = "Correct the programme's name in 'links.programs' to match the registry, or add the programme (or an alias) to registry.yaml.",
  },
  check = function(a)
    local l = a.links
    if l == nil or registry.size("program") == 0 then return end
    for i, p in each(l.programs) do
      local base = tostring(p):match("^(.-)%s+%d%d%d%d$")
      local yearly = base and registry.program(base)
      if registry.program(tostring(p)) == nil and not (yearly and yearly.yearly == true) then
        local near = registry.suggest("program", tostring(p))
        local hint = did_you_mean(near)
        report(l.programs, i, {program = p, hint = hint})
      end
    end
  end,
}

rule {
  id = "action.links.action-unknown",
  severity = "error",
  source = "seed lines 230, 236, 240 (\"insats 5.2\", \"punkt 3.2 och 3.3\", \"punkt 1.1\" must resolve)",
  message = {
    sv = "Insats {action} länkar till insats '{target}', som inte finns i planen.",
    en = "Action {action} links to action '{target}', which the plan does not have.",
  },
  remediation = {
    sv = "Rätta id:t i 'links.actions' så att det pekar på en insats i planen, t.ex. 'links: {actions: [\"5.2\"]}', eller ta bort länken.",
    en = "Correct the id in 'links.actions' so that it points at an action in the plan, e.g. 'links: {actions: [\"5.2\"]}', or remove the link.",
  },
  check = function(a)
    local l = a.links
    if l == nil then return end
    for i, id in each(l.actions) do
      if find_action(tostring(id)) == nil then report(l.actions, i, {target = id}) end
    end
  end,
}

rule {
  id = "action.links.self",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action} länkar till sig själv.",
    en = "Action {action} links to itself.",
  },
  remediation = {
    sv = "Ta bort insatsens eget id ur 'links.actions'; där anges bara andra insatser.",
    en = "Remove the action's own id from 'links.actions'; list only other actions there.",
  },
  check = function(a)
    local l = a.links
    if l == nil then return end
    for i, id in each(l.actions) do
      if find_action(tostring(id)) == a then report(l.actions, i) end
    end
  end,
}

rule {
  id = "action.links.text-reference-unknown",
  severity = "error",
  source = "seed lines 230, 236, 240 (cross-references in the text)",
  message = {
    sv = "Insats {action}: beskrivningen hänvisar till '{reference}', men insats {target} finns inte i planen.",
    en = "Action {action}: the description refers to '{reference}', but action {target} is not in the plan.",
  },
  remediation = {
    sv = "Rätta insatsnumret i 'description:' så att det hänvisar till en insats som finns i planen, eller ta bort hänvisningen.",
    en = "Correct the action number in 'description:' so that it refers to an action the plan has, or remove the reference.",
  },
  check = function(a)
    local d = a.description
    if kind(d) ~= "text" then return end
    for _, ref in ipairs(pattern.find_all("action-reference", d, 0)) do
      for id in ref:gmatch("%d+%.%d+") do
        if find_action(id) == nil then
          report(a, "description", {reference = ref, target = id})
        end
      end
    end
  end,
}
