-- Rules for proposed innovation areas (kind: innovation-areas). They judge
-- each area against the registry and the ruleset's prioritisation model, so
-- that nothing is scored on a guess: a missing assessment is a finding,
-- never a silent 0, and `styr score` leaves an area with errors out.

-- A figure as the run's language writes it: 4,6 (sv) or 4.6 (en); a whole
-- value without decimals (a scale of 1.0 to 4.5 is "1–4,5"); kronor grouped
-- by thousands ("3 000 000,25").
local function figure(v, grouped)
  local s = math.type(v) == "float" and v == math.floor(v) and v > -1e15 and v < 1e15
            and string.format("%d", math.tointeger(v)) or tostring(v)
  if grouped and s:match("^%-?%d+") then
    local sign, int, rest = s:match("^(%-?)(%d+)(.*)$")
    s = sign .. int:reverse():gsub("(%d%d%d)", "%1 "):reverse():gsub("^ ", "") .. rest
  end
  if lang() ~= "en" then s = s:gsub("%.", ",", 1) end
  return s
end

local function is_bad_amount(v)
  return v ~= nil and (v ~= v or v < 0 or v == math.huge)
end

rule {
  id = "area.list.empty",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  applies_to = "areas",
  message = {sv = "Filen föreslår inga innovationsområden ('areas:').", en = "The file proposes no innovation areas ('areas:')."},
  remediation = {
    sv = "Lägg till minst ett område under 'areas:', med 'id', 'title', 'owner', 'cost_sek' och 'assessments'.",
    en = "Add at least one area under 'areas:', with 'id', 'title', 'owner', 'cost_sek' and 'assessments'.",
  },
  check = function(file)
    for _ in each(file.areas) do return end
    report(file, "areas")
  end,
}

rule {
  id = "area.id.missing",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {sv = "Ett område saknar id.", en = "An area has no id."},
  remediation = {
    sv = "Ge området ett kort, unikt id som scenarier och beroenden kan hänvisa till, t.ex. 'id: testarena'.",
    en = "Give the area a short, unique id that scenarios and dependencies can refer to, e.g. 'id: testarena'.",
  },
  check = function(area)
    if text(area, "id") == nil then report(area, "id") end
  end,
}

rule {
  id = "area.id.duplicate",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {sv = "Område-id '{id}' finns redan (rad {first}).", en = "Area id '{id}' is used twice (first on line {first})."},
  remediation = {
    sv = "Ge området ett eget id, eller slå ihop de två områdena; ändra då också 'requires', 'excludes' och scenariernas 'include' och 'exclude'.",
    en = "Give the area an id of its own, or merge the two areas; then also change 'requires', 'excludes' and the scenarios' 'include' and 'exclude'.",
  },
  check = function(area)
    local id = text(area, "id")
    local first = id and find_area(id)
    if first ~= nil and first ~= area then
      report(area, "id", {id = id:match("^%s*(.-)%s*$"), first = line(first)})
    end
  end,
}

rule {
  id = "area.title.missing",
  severity = "warning",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {sv = "Område {action} saknar rubrik (title).", en = "Area {action} has no title."},
  remediation = {
    sv = "Ange en kort rubrik för området, t.ex. 'title: Göteborg som testarena för nya innovationer'.",
    en = "Add a short title for the area, e.g. 'title: Göteborg as a test bed for new innovations'.",
  },
  check = function(area)
    if area.title == nil then report(area, "title") end
  end,
}

rule {
  id = "area.owner.missing",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {sv = "Område {action} saknar ansvarig nämnd/styrelse (owner).", en = "Area {action} has no owner."},
  remediation = {
    sv = "Ange 'owner:' med den nämnd, styrelse eller det bolag som ska ansvara för området, t.ex. 'owner: Business Region Göteborg'.",
    en = "Add 'owner:' naming the board or company to be responsible for the area, e.g. 'owner: Business Region Göteborg'.",
  },
  check = function(area)
    if area.owner == nil then report(area, "owner") end
  end,
}

rule {
  id = "area.owner.unknown",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: ansvarig '{owner}' finns inte i registret{hint}.",
    en = "Area {action}: owner '{owner}' is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta stavningen, eller lägg till nämnden (eller ett alias) i registry.yaml.",
    en = "Fix the spelling, or add the board (or an alias) to registry.yaml.",
  },
  check = function(area)
    local owner = area.owner
    if owner == nil or registry.size("owner") == 0 or registry.owner(tostring(owner)) then return end
    report(area, "owner", {owner = owner, hint = did_you_mean(registry.suggest("owner", tostring(owner)))})
  end,
}

rule {
  id = "area.program.unknown",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action} länkar till programmet '{program}', som inte finns i registret{hint}.",
    en = "Area {action} links to the programme '{program}', which is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta programmets namn i 'programs:' så att det stämmer med registret, eller lägg till programmet (eller ett alias) i registry.yaml.",
    en = "Correct the programme's name in 'programs:' to match the registry, or add the programme (or an alias) to registry.yaml.",
  },
  check = function(area)
    if registry.size("program") == 0 then return end
    for i, p in each(area.programs) do
      local base = tostring(p):match("^(.-)%s+%d%d%d%d$")
      local yearly = base and registry.program(base)
      if registry.program(tostring(p)) == nil and not (yearly and yearly.yearly == true) then
        report(area.programs, i, {program = p, hint = did_you_mean(registry.suggest("program", tostring(p)))})
      end
    end
  end,
}

rule {
  id = "area.strategy.unknown",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action} anger strategi '{strategy}', som programmet inte har ({known}).",
    en = "Area {action} names strategy '{strategy}', which the programme does not have ({known}).",
  },
  remediation = {
    sv = "Ange i 'strategies:' bara id:n för programmets strategier, t.ex. 'strategies: [\"2\"]'; de står under 'programme_strategies' i ruleset.yaml.",
    en = "List only the programme's strategy ids in 'strategies:', e.g. 'strategies: [\"2\"]'; they are listed under 'programme_strategies' in ruleset.yaml.",
  },
  check = function(area)
    local known = ruleset.setting("programme_strategies")
    if known == nil then return end
    local set, list = {}, {}
    for _, s in each(known) do set[tostring(s)] = true; list[#list + 1] = tostring(s) end
    for i, s in each(area.strategies) do
      if not set[tostring(s)] then report(area.strategies, i, {strategy = s, known = table.concat(list, ", ")}) end
    end
  end,
}

rule {
  id = "area.cost.missing",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {sv = "Område {action} saknar kostnad (cost_sek).", en = "Area {action} has no cost (cost_sek)."},
  remediation = {
    sv = "Ange områdets beräknade kostnad i kronor, t.ex. 'cost_sek: 2500000'; utan kostnad rangordnas området inte.",
    en = "Give the area's estimated cost in SEK, e.g. 'cost_sek: 2500000'; without a cost the area is not ranked.",
  },
  check = function(area)
    if area.cost_sek == nil then report(area, "cost_sek") end
  end,
}

rule {
  id = "area.cost.invalid",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: {field} är {value}; ett belopp är ett ändligt tal från 0 och uppåt.",
    en = "Area {action}: {field} is {value}; an amount is a finite number of 0 or more.",
  },
  remediation = {
    sv = "Skriv beloppet i kronor som ett tal från 0 och uppåt, t.ex. 'cost_sek: 2500000' eller 'external_funding_sek: 1000000'.",
    en = "Write the amount in SEK as a number of 0 or more, e.g. 'cost_sek: 2500000' or 'external_funding_sek: 1000000'.",
  },
  check = function(area)
    for _, key in ipairs({"cost_sek", "external_funding_sek"}) do
      if is_bad_amount(area[key]) then report(area, key, {field = key, value = area[key]}) end
    end
  end,
}

rule {
  id = "area.external-funding.exceeds-cost",
  severity = "warning",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: den externa finansieringen ({external} kr) är större än kostnaden ({cost} kr).",
    en = "Area {action}: external funding ({external} SEK) exceeds the cost ({cost} SEK).",
  },
  remediation = {
    sv = "Kontrollera beloppen: 'external_funding_sek' är den del av 'cost_sek' som externa finansiärer betalar och kan inte vara större än kostnaden.",
    en = "Check the amounts: 'external_funding_sek' is the part of 'cost_sek' that external funders pay and cannot exceed the cost.",
  },
  check = function(area)
    local c, e = area.cost_sek, area.external_funding_sek
    if c and e and not is_bad_amount(c) and not is_bad_amount(e) and e > c then
      report(area, "external_funding_sek", {external = figure(e, true), cost = figure(c, true)})
    end
  end,
}

rule {
  id = "area.assessment.missing",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action} saknar bedömning av '{criterion}' ({label}); ett saknat värde räknas aldrig som 0.",
    en = "Area {action} has no assessment of '{criterion}' ({label}); a missing value is never counted as 0.",
  },
  remediation = {
    sv = "Lägg till bedömningen under 'assessments:' på kriteriets skala, t.ex. 'benefit_residents: 3'; ett område som saknar en bedömning rangordnas inte.",
    en = "Add the assessment under 'assessments:' on the criterion's scale, e.g. 'benefit_residents: 3'; an area that lacks an assessment is not ranked.",
  },
  check = function(area)
    local a = area.assessments
    for _, c in ipairs(model_criteria()) do
      if c.assessed and (a == nil or a[c.id] == nil) then
        report(a or area, a and c.id or "assessments", {criterion = c.id, label = c.label})
      end
    end
  end,
}

rule {
  id = "area.assessment.out-of-scale",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: bedömningen {value} av '{criterion}' ligger utanför skalan {low}–{high}.",
    en = "Area {action}: the assessment {value} of '{criterion}' is outside the scale {low}–{high}.",
  },
  remediation = {
    sv = "Ändra bedömningen till ett värde inom skalan som meddelandet anger, t.ex. 'feasibility: 3' på skalan 1–5.",
    en = "Change the assessment to a value within the scale the message gives, e.g. 'feasibility: 3' on the scale 1–5.",
  },
  check = function(area)
    local a = area.assessments
    if a == nil then return end
    for _, c in ipairs(model_criteria()) do
      local v = a[c.id]
      if c.assessed and v ~= nil and (v ~= v or v < c.low or v > c.high) then
        report(a, c.id, {value = figure(v), criterion = c.id, low = figure(c.low), high = figure(c.high)})
      end
    end
  end,
}

rule {
  id = "area.assessment.unknown-criterion",
  severity = "warning",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: modellen har inget bedömt kriterium '{criterion}'{hint}; värdet används inte.",
    en = "Area {action}: the model has no assessed criterion '{criterion}'{hint}; the value is not used.",
  },
  remediation = {
    sv = "Rätta kriteriets namn under 'assessments:' så att det stämmer med modellen, eller ta bort raden.",
    en = "Correct the criterion's name under 'assessments:' to match the model, or remove the line.",
  },
  check = function(area)
    local a = area.assessments
    if a == nil then return end
    local assessed, list = {}, {}
    for _, c in ipairs(model_criteria()) do
      if c.assessed then assessed[c.id] = true; list[#list + 1] = c.id end
    end
    if #list == 0 then return end
    for _, key in ipairs(keys(a)) do
      if not assessed[key] then report(a, key, {criterion = key, hint = did_you_mean(nearest(key, list))}) end
    end
  end,
}

rule {
  id = "area.dependency.unknown",
  severity = "error",
  source = "FORMATS.md section 2 (the prioritisation model needs every fact it scores)",
  message = {
    sv = "Område {action}: {field} nämner området '{target}'{why}.",
    en = "Area {action}: {field} names the area '{target}'{why}.",
  },
  remediation = {
    sv = "Rätta id:t i 'requires' eller 'excludes' så att det pekar på ett annat område i filen, eller ta bort det.",
    en = "Correct the id in 'requires' or 'excludes' so that it names another area in the file, or remove it.",
  },
  check = function(area)
    for _, field in ipairs({"requires", "excludes"}) do
      for i, id in each(area[field]) do
        local other = find_area(tostring(id))
        if other == nil then
          report(area[field], i, {field = field, target = id,
                                  why = lang() == "en" and ", which the file does not have" or ", som inte finns i filen"})
        elseif other == area then
          report(area[field], i, {field = field, target = id,
                                  why = lang() == "en" and ": the area itself" or ": området självt"})
        end
      end
    end
  end,
}
