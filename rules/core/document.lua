-- Rules for the governing-document metadata (styrande dokument) of a plan.
-- Each rule gets the plan's root; plan.document is its metadata block.

rule {
  id = "document.missing",
  severity = "error",
  source = "seed line 220 (mallen för styrande dokument)",
  message = {
    sv = "Planen saknar dokumentuppgifter ('document:' med titel, dokumentsort, beslutande organ och dokumentansvarig).",
    en = "The plan has no document metadata ('document:' with title, type, deciding body and responsible person).",
  },
  remediation = {sv = "Lägg till ett 'document:'-block överst i filen.", en = "Add a 'document:' block at the top of the file."},
  check = function(plan)
    if plan.document == nil and not has(plan, "document") then report(plan, "document") end
  end,
}

-- One rule per required field, so each can be waived or re-graded on its own.
local required = {
  {key = "title", id = "document.title.missing", sv = "dokumentnamn (title)", en = "title"},
  {key = "type", id = "document.type.missing", sv = "dokumentsort (type)", en = "type (dokumentsort)"},
  {key = "decided_by", id = "document.decided-by.missing", sv = "beslutande organ (decided_by)", en = "deciding body (decided_by)"},
  {key = "responsible", id = "document.responsible.missing", sv = "dokumentansvarig (responsible)", en = "responsible person (responsible)"},
  {key = "reference", id = "document.reference.missing", sv = "diarienummer (reference)", en = "reference number (reference)"},
}
for _, f in ipairs(required) do
  rule {
    id = f.id,
    severity = "error",
    source = "seed line 220 (mallen för styrande dokument: " .. f.sv .. ")",
    message = {
      sv = "Dokumentuppgiften " .. f.sv .. " saknas.",
      en = "The document's " .. f.en .. " is missing.",
    },
    remediation = {
      sv = "Fyll i '" .. f.key .. ":' under 'document:' enligt riktlinjen för styrande dokument.",
      en = "Fill in '" .. f.key .. ":' under 'document:' as the rules for governing documents require.",
    },
    check = function(plan)
      local d = plan.document
      if d ~= nil and d[f.key] == nil then report(d, f.key) end
    end,
  }
end

rule {
  id = "document.last-revised.missing",
  severity = "warning",
  source = "seed line 220 (mallen: \"Senast reviderad\")",
  message = {sv = "Dokumentet saknar datum för senaste revidering (last_revised).", en = "The document has no date of last revision (last_revised)."},
  remediation = {
    sv = "Ange datum för senaste revidering under 'document:', t.ex. 'last_revised: 2017-11-14'.",
    en = "Add the date of the last revision under 'document:', e.g. 'last_revised: 2017-11-14'.",
  },
  check = function(plan)
    local d = plan.document
    if d ~= nil and d.last_revised == nil then report(d, "last_revised") end
  end,
}

rule {
  id = "document.type.unknown",
  severity = "warning",
  source = "seed line 220 (mallen: \"Dokumentsort\")",
  message = {
    sv = "Okänd dokumentsort '{value}'{hint}. Kända: {known}.",
    en = "Unknown document type '{value}'{hint}. Known: {known}.",
  },
  remediation = {
    sv = "Skriv en av de kända dokumentsorterna i 'type:', t.ex. 'type: handlingsplan', eller lägg till dokumentsorten under 'document_types' i ruleset.yaml.",
    en = "Use one of the known document types in 'type:', e.g. 'type: handlingsplan', or add the type to 'document_types' in ruleset.yaml.",
  },
  check = function(plan)
    local d = plan.document
    local t = d and d.type
    if t == nil then return end
    local known = ruleset.setting("document_types")
    if known == nil then return end
    local names = {}
    for _, k in each(known) do
      if fold(k) == fold(tostring(t)) then return end
      names[#names + 1] = k
    end
    local near = nearest(tostring(t), names)
    report(d, "type", {value = t, known = table.concat(names, ", "),
                       hint = did_you_mean(near)})
  end,
}

local function check_date(d, key, edge)
  local v = d[key]
  if v == nil then return nil end
  local day, why = date.parse(v, edge)
  if day == nil then report(d, key, {field = key, value = v, reason = why}) end
  return day
end

rule {
  id = "document.date.invalid",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Ogiltigt datum '{value}' i {field}: {reason}.",
    en = "Invalid date '{value}' in {field}: {reason}.",
  },
  remediation = {
    sv = "Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD och kontrollera att dagen finns, t.ex. 'valid_from: 2018-01-01'.",
    en = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD and check that the day exists, e.g. 'valid_from: 2018-01-01'.",
  },
  check = function(plan)
    local d = plan.document
    if d == nil then return end
    check_date(d, "valid_from", "start")
    check_date(d, "valid_until", "end")
    check_date(d, "last_revised", "start")
  end,
}

rule {
  id = "document.validity.order",
  severity = "error",
  source = "seed line 220 (Giltighetstid); FORMATS.md (the file format)",
  message = {
    sv = "Giltighetstiden slutar ({until}) innan den börjar ({from}).",
    en = "The validity ends ({until}) before it starts ({from}).",
  },
  remediation = {
    sv = "Rätta 'valid_from:' eller 'valid_until:' så att giltighetstiden börjar innan den slutar, t.ex. 'valid_from: 2018-01-01' och 'valid_until: 2019-12-31'.",
    en = "Correct 'valid_from:' or 'valid_until:' so that the validity starts before it ends, e.g. 'valid_from: 2018-01-01' and 'valid_until: 2019-12-31'.",
  },
  check = function(plan)
    local d = plan.document
    if d == nil then return end
    local from = date.parse(d.valid_from, "start")
    local to = date.parse(d.valid_until, "end")
    if from and to and from > to then
      report(d, "valid_until", {from = date.format(from), ["until"] = date.format(to)})
    end
  end,
}

-- Every text field of the plan, with the node and key it is at.
local function each_text(node, fn, depth, only)
  if depth > 12 then return end
  local k = kind(node)
  if k == "map" then
    for key, v in pairs(node) do
      if only == nil or only[key] then
        local vk = type(v)
        if vk == "string" then fn(node, key, v) elseif vk ~= "number" and vk ~= "boolean" then each_text(v, fn, depth + 1) end
      end
    end
  elseif k == "list" then
    for i, v in each(node) do
      local vk = type(v)
      if vk == "string" then fn(node, i, v) elseif vk ~= "number" and vk ~= "boolean" then each_text(v, fn, depth + 1) end
    end
  end
end

-- The fields of the format whose texts are looked at (a key the format does
-- not have is reported by the schema, and not walked: it may be huge).
local plan_fields = {id = true, owner = true, goal = true, aims = true, document = true,
                     follow_up = true, budget = true, waivers = true}
local strategy_fields = {id = true, title = true, description = true}
local action_fields = {id = true, strategy = true, title = true, description = true, owner = true,
                       partners = true, timeline = true, financing = true, links = true,
                       indicators = true, previous = true}

local function placeholders(root, only)
  each_text(root, function(node, key, value)
    if pattern.match("placeholder", value) then   -- the cheap test first: most texts have none
      local hits = pattern.find_all("placeholder", value, 0)
      report(node, key, {field = path(node, key), value = hits[1] or value})
    end
  end, 0, only)
end

local placeholder_message = {
  sv = "Fältet '{field}' innehåller mallens platshållare '{value}' i stället för en riktig uppgift.",
  en = "Field '{field}' holds the template placeholder '{value}' instead of real content.",
}

rule {
  id = "document.placeholder",
  severity = "warning",
  message = placeholder_message,
  remediation = {sv = "Fyll i uppgiften eller ta bort fältet.", en = "Fill in the value or remove the field."},
  source = "seed line 220 (\"Datum och paragraf för beslutet: [Text]\")",
  applies_to = "plan",
  check = function(plan)
    placeholders(plan, plan_fields)   -- strategies and actions: strategy. and action.placeholder
  end,
}

-- The same for every text of an action, one action at a time (a plan-wide
-- walk of a large plan would be one long rule call).
rule {
  id = "action.placeholder",
  severity = "warning",
  message = placeholder_message,
  remediation = {sv = "Fyll i uppgiften eller ta bort fältet.", en = "Fill in the value or remove the field."},
  source = "seed line 220 (mallens platshållare, t.ex. \"[Text]\"); FORMATS.md section 8",
  check = function(a)
    placeholders(a, action_fields)
  end,
}

rule {
  id = "strategy.placeholder",
  severity = "warning",
  message = placeholder_message,
  remediation = {sv = "Fyll i uppgiften eller ta bort fältet.", en = "Fill in the value or remove the field."},
  source = "seed line 220 (mallens platshållare, t.ex. \"[Text]\"); FORMATS.md section 8",
  check = function(s)
    placeholders(s, strategy_fields)
  end,
}
