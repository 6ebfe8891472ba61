-- Göteborgs Stad's rules for who decides a governing document, for how long
-- it is valid and how it is followed up, read from the registry (FORMATS.md
-- section 10).

local function year_of(day) return tonumber(date.format(day):sub(1, 4)) end

local level_sv = {council = "fullmäktige", executive = "kommunstyrelse", board = "nämnd",
                  company = "bolag", office = "förvaltning"}

-- A body's level; a spelling that is one of an entry's offices (förvaltning)
-- is an office, whatever the board it serves.
local function level_of(entry, spelling)
  for _, o in each(entry.offices) do
    if fold(tostring(o)) == fold(spelling) then return "office" end
  end
  return entry.level and tostring(entry.level) or nil
end

rule {
  id = "document.decided-by.level",
  severity = "error",
  message = {
    sv = "{decider} ({level}) kan inte besluta en plan som gäller för {others}; det gör kommunfullmäktige eller kommunstyrelsen.",
    en = "{decider} ({level}) cannot adopt a plan that applies to {others}; Kommunfullmäktige or Kommunstyrelsen does.",
  },
  remediation = {
    sv = "Låt kommunfullmäktige eller kommunstyrelsen besluta planen, eller begränsa 'applies_to' till den egna verksamheten.",
    en = "Have Kommunfullmäktige or Kommunstyrelsen adopt the plan, or limit 'applies_to' to the decider's own organisation.",
  },
  source = "seed line 218 (Göteborgs Stads riktlinje för styrande dokument: stadens styrande dokument antas av kommunfullmäktige och kommunstyrelsen; nämnder och bolagsstyrelser för sin egen verksamhet)",
  check = function(plan)
    local d = plan.document
    if d == nil or d.decided_by == nil then return end
    local decider = registry.owner(tostring(d.decided_by))
    if decider == nil then return end
    local level = level_of(decider, tostring(d.decided_by))
    if level == nil then return end
    if level == "council" or level == "executive" then return end
    local others = {}
    for _, name in each(d.applies_to) do
      local e = registry.owner(tostring(name))
      if e == nil or e.name ~= decider.name or level == "office" then others[#others + 1] = tostring(name) end
    end
    if #others == 0 and level ~= "office" then return end
    if #others == 0 then others[1] = lang() == "en" and "anything" or "något" end
    report(d, "decided_by", {decider = tostring(d.decided_by), level = lang() == "en" and level or (level_sv[level] or level),
                             others = table.concat(others, ", ")})
  end,
}

rule {
  id = "document.decided-by.unknown",
  severity = "warning",
  message = {
    sv = "Det beslutande organet '{value}' finns inte i registret{hint}.",
    en = "The deciding body '{value}' is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta stavningen av 'decided_by:', eller lägg till organet i registry.yaml.",
    en = "Fix the spelling of 'decided_by:', or add the body to registry.yaml.",
  },
  source = "house policy (the registry knows the bodies that decide)",
  check = function(plan)
    local d = plan.document
    if d == nil or d.decided_by == nil or registry.size("owner") == 0 then return end
    if registry.owner(tostring(d.decided_by)) ~= nil then return end
    report(d, "decided_by", {value = d.decided_by, hint = did_you_mean(registry.suggest("owner", tostring(d.decided_by)))})
  end,
}

rule {
  id = "document.valid-until.missing",
  severity = "error",
  message = {
    sv = "Dokumentet saknar giltighetstid (valid_until).",
    en = "The document has no end of validity (valid_until).",
  },
  remediation = {
    sv = "Ange till och med när planen gäller under 'document:', t.ex. 'valid_until: 2019-12-31'.",
    en = "Give when the plan stops being valid under 'document:', e.g. 'valid_until: 2019-12-31'.",
  },
  source = "seed line 220 (mallen för styrande dokument: \"Giltighetstid\"); line 208 (planeringsdokument är tidsbegränsade)",
  check = function(plan)
    local d = plan.document
    if d ~= nil and d.valid_until == nil then report(d, "valid_until") end
  end,
}

rule {
  id = "plan.period.outside-program",
  severity = "error",
  message = {
    sv = "Planperioden {from}–{to} ligger utanför programmet {program} ({pfrom}–{pto}) som planen genomför.",
    en = "The plan period {from}–{to} lies outside the programme {program} ({pfrom}–{pto}) that the plan implements.",
  },
  remediation = {
    sv = "Korta planperioden så att den ryms i programmets period, eller låt en ny plan ta över när programmet förnyas.",
    en = "Shorten the plan period to fit the programme's, or let a new plan take over when the programme is renewed.",
  },
  source = "seed line 208 (program tar inte ställning till genomförandet; planen genomför programmet)",
  check = function(plan)
    local from, to = plan_period()
    local d = plan.document
    if from == nil or d == nil then return end
    for i, name in each(d.implements) do
      local p = registry.program(tostring(name))
      local per = p and p.period
      if per ~= nil and per.from ~= nil and per.to ~= nil then
        local pf, pt = date.parse(per.from, "start"), date.parse(per.to, "end")
        if pf and pt and (from < pf or to > pt) then
          report(plan, "period", {from = year_of(from), to = year_of(to), program = tostring(p.name),
                                  pfrom = year_of(pf), pto = year_of(pt)})
        end
      end
    end
  end,
}

rule {
  id = "plan.follow-up.report-unknown",
  severity = "error",
  message = {
    sv = "Uppföljningen nämner rapporten '{value}', som stadens uppföljning inte har{hint}.",
    en = "The follow-up names the report '{value}', which the city's follow-up does not have{hint}.",
  },
  remediation = {
    sv = "Använd stadens rapporter (UR2, UR4), eller lägg till rapporten under 'reports:' i registry.yaml.",
    en = "Use the city's reports (UR2, UR4), or add the report under 'reports:' in registry.yaml.",
  },
  source = "seed line 224 (\"Uppföljningsrapport 2 (UR2) samt Årsrapport (UR4)\")",
  check = function(plan)
    local f = plan.follow_up
    if f == nil or registry.size("report") == 0 then return end
    for i, r in each(f.reports) do
      if registry.report(tostring(r)) == nil then
        report(f.reports, i, {value = r, hint = did_you_mean(registry.suggest("report", tostring(r)))})
      end
    end
  end,
}

rule {
  id = "plan.follow-up.escalate-unknown",
  severity = "error",
  message = {
    sv = "Avvikelser ska lyftas till '{value}', som inte finns i registret{hint}.",
    en = "Deviations are to go to '{value}', which is not in the registry{hint}.",
  },
  remediation = {
    sv = "Ange en nämnd eller styrelse ur registret i 'escalate_to:', t.ex. Kommunstyrelsen.",
    en = "Name a board of the registry in 'escalate_to:', e.g. Kommunstyrelsen.",
  },
  source = "seed line 224 (\"Större avvikelser mot denna plan (tid och pengar) lyfts till Kommunstyrelsen\")",
  check = function(plan)
    local f = plan.follow_up
    if f == nil or f.escalate_to == nil or registry.size("owner") == 0 then return end
    if registry.owner(tostring(f.escalate_to)) ~= nil then return end
    report(f, "escalate_to", {value = f.escalate_to, hint = did_you_mean(registry.suggest("owner", tostring(f.escalate_to)))})
  end,
}
