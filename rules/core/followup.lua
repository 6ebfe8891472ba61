-- Follow-up reports (kind: follow-up, `styr followup`): every action of the
-- plan has a status that makes sense, and large deviations in time and money
-- are escalated. Source: the seed plan, line 224: "Rapportering ... vid två
-- tillfällen per år, Uppföljningsrapport 2 (UR2) samt Årsrapport (UR4).
-- Större avvikelser mot denna plan (tid och pengar) lyfts till
-- Kommunstyrelsen för omprioritering och/eller ställningstagande."
--
-- A rule whose id starts with `followup.escalate.` puts the action it
-- reports on the escalation list; its message is the reason given.
-- `followup.` rules run once per entry of the follow-up's actions, with the
-- entry and the plan; `applies_to = "followup"` runs once per file with the
-- follow-up and the plan. `followup.facts(id)` gives the engine's facts of
-- a plan action: status, delay_days, budget_sek, spent_sek, overspend_sek,
-- planned_end and forecast_end (days), and `followup.as_of()` the date of
-- the follow-up.

local status_words = {
  sv = {done = "klar", ["on-track"] = "enligt plan", delayed = "försenad",
        ["not-started"] = "ej påbörjad", cancelled = "avbruten"},
  en = {done = "done", ["on-track"] = "on track", delayed = "delayed",
        ["not-started"] = "not started", cancelled = "cancelled"},
}

local function word(status)
  return status_words[lang()][status] or tostring(status)
end

local function trim(s)
  return (tostring(s):gsub("^%s+", ""):gsub("%s+$", ""))
end

-- A setting's list items (the default is a Lua table, the setting a list).
local function items(list)
  if type(list) == "table" then return ipairs(list) end
  return each(list)
end

local function in_setting(name, default, value)
  for _, v in items(ruleset.setting(name, default)) do
    if v == value then return true end
  end
  return false
end

local function setting_list(name, default)
  local out = {}
  for _, v in items(ruleset.setting(name, default)) do out[#out + 1] = tostring(v) end
  return out
end

-- 1234567 -> "1 234 567" (Swedish thousands).
local function kr(n)
  local r = math.floor(n + 0.5)   -- a float past 2^63 stays a float: "%.0f", not "%d"
  if r == 0 then r = 0 end        -- never "-0"
  local s = string.format("%.0f", r)
  local out = s:reverse():gsub("(%d%d%d)", "%1 "):reverse()
  return (out:gsub("^ ", ""):gsub("^%- ", "-"))
end

local function blank(v)
  return v == nil or trim(v) == ""
end

rule {
  id = "followup.status.missing",
  source = "FORMATS.md section 11: an action of the plan with no status is a finding; the seed, line 224: the plan is followed up in UR2 and UR4",
  severity = "error",
  applies_to = "followup",
  message = {
    sv = "Insats {action} i planen har ingen status i uppföljningen.",
    en = "Action {action} of the plan has no status in the follow-up.",
  },
  description = "Every action of the plan is followed up (seed line 224: UR2 and UR4 report on the whole plan).",
  remediation = {
    sv = "Lägg till insatsen under 'actions:' med id, status (done, on-track, delayed, not-started eller cancelled) och en kommentar vid behov.",
    en = "Add the action under 'actions:' with id, status (done, on-track, delayed, not-started or cancelled) and a comment where needed.",
  },
  check = function(fu, plan)
    local seen, with_status = {}, {}
    for _, s in each(fu.actions) do
      if s.id ~= nil and s.status ~= nil then with_status[trim(text(s, "id"))] = true end
    end
    for _, s in each(fu.actions) do
      if s.id ~= nil then
        local id = trim(text(s, "id"))
        -- an action listed without a status has none either: said at its entry
        -- (followup.status.invalid judges only a status that is there)
        if not with_status[id] and not seen[id] and find_action(s.id) ~= nil then report(s, "id", {action = id}) end
        seen[id] = true
      end
    end
    for _, a in each(plan.actions) do
      if a.id ~= nil then
        local id = trim(text(a, "id"))
        if not seen[id] then
          seen[id] = true
          report(fu, "actions", {action = id})
        end
      end
    end
  end,
}

rule {
  id = "followup.action.duplicate",
  source = "house policy: one status an action in one follow-up",
  severity = "error",
  applies_to = "followup",
  message = {
    sv = "Insats {action} har status två gånger i uppföljningen (även på rad {first}).",
    en = "Action {action} has a status twice in the follow-up (also on line {first}).",
  },
  description = "One status an action, so that the report says one thing (house policy).",
  remediation = {
    sv = "Slå ihop raderna till en status för insatsen.",
    en = "Merge the entries into one status for the action.",
  },
  check = function(fu)
    local first = {}
    for _, s in each(fu.actions) do
      if s.id ~= nil then
        local id = trim(text(s, "id"))
        if first[id] then
          report(s, "id", {first = first[id]})
        else
          first[id] = line(s, "id")
        end
      end
    end
  end,
}

rule {
  id = "followup.action.unknown",
  source = "FORMATS.md section 11: a status for an action the plan does not have is a finding",
  severity = "error",
  message = {
    sv = "Uppföljningen har status för insats {action}, som planen inte har{hint}.",
    en = "The follow-up has a status for action {action}, which the plan does not have{hint}.",
  },
  description = "A status is for an action of the plan followed up (FORMATS.md section 11).",
  remediation = {
    sv = "Rätta id:t så att det är en insats i planen (se 'plan:'), eller ta bort raden.",
    en = "Correct the id to an action of the plan (see 'plan:'), or remove the entry.",
  },
  check = function(s, plan)
    if s.id == nil then   -- no id to look up: said so, not left as "{hint}"
      return report(s, "id", {hint = lang() == "en" and " (the entry has no id)" or " (raden saknar id)"})
    end
    if find_action(s.id) ~= nil then return end
    local ids = {}
    for _, a in each(plan.actions) do
      if a.id ~= nil then ids[#ids + 1] = trim(text(a, "id")) end
    end
    report(s, "id", {hint = did_you_mean(nearest(trim(text(s, "id")), ids))})
  end,
}

rule {
  id = "followup.status.invalid",
  source = "FORMATS.md section 11 (done | on-track | delayed | not-started | cancelled)",
  severity = "error",
  message = {
    sv = "Insats {action}: status '{value}' är inte en av {allowed}.",
    en = "Action {action}: status '{value}' is not one of {allowed}.",
  },
  description = "The statuses of FORMATS.md section 11 (the setting followup_statuses).",
  remediation = {
    sv = "Skriv status som en av done, on-track, delayed, not-started eller cancelled.",
    en = "Write the status as one of done, on-track, delayed, not-started or cancelled.",
  },
  check = function(s)
    local default = {"done", "on-track", "delayed", "not-started", "cancelled"}
    if s.status == nil or in_setting("followup_statuses", default, s.status) then return end
    report(s, "status", {value = s.status, allowed = table.concat(setting_list("followup_statuses", default), ", ")})
  end,
}

rule {
  id = "followup.as-of.missing",
  source = "FORMATS.md section 11 (as_of: the date the follow-up speaks for)",
  severity = "error",
  applies_to = "followup",
  message = {
    sv = "Uppföljningen saknar datum (as_of): förseningar kan inte bedömas.",
    en = "The follow-up has no date (as_of): delays cannot be judged.",
  },
  description = "A follow-up is as of a date (FORMATS.md section 11).",
  remediation = {
    sv = "Ange vilket datum uppföljningen avser, t.ex. 'as_of: 2018-08-31'.",
    en = "Give the date the follow-up is as of, e.g. 'as_of: 2018-08-31'.",
  },
  check = function(fu)
    if not has(fu, "as_of") or fu.as_of == nil then report(fu, "as_of") end
  end,
}

rule {
  id = "followup.as-of.outside-period",
  source = "house policy: a follow-up speaks for a date within the plan period",
  severity = "warning",
  applies_to = "followup",
  message = {
    sv = "Uppföljningens datum {value} ligger utanför planperioden {from}–{to}.",
    en = "The follow-up's date {value} lies outside the plan period {from}–{to}.",
  },
  description = "A follow-up reports on the plan's own period (UR2 and UR4 of its years; house policy).",
  remediation = {
    sv = "Kontrollera 'as_of' och att 'plan:' pekar på rätt plan.",
    en = "Check 'as_of' and that 'plan:' names the right plan.",
  },
  check = function(fu)
    local day = followup.as_of()
    local from, to = plan_period()
    if day == nil or from == nil then return end
    if day < from or day > to then
      report(fu, "as_of", {value = date.format(day), from = date.format(from), to = date.format(to)})
    end
  end,
}

rule {
  id = "followup.report.unknown",
  source = "FORMATS.md sections 10 and 11 (a report name the registry knows); the seed, line 224 (UR2, UR4)",
  severity = "warning",
  applies_to = "followup",
  message = {
    sv = "Uppföljningen '{value}' är inte en av planens uppföljningar ({known}).",
    en = "The follow-up '{value}' is not one of the plan's reports ({known}).",
  },
  description = "The plan is followed up in UR2 and UR4 (seed line 224; the plan's follow_up.reports).",
  remediation = {
    sv = "Ange vilken uppföljning det är, t.ex. 'report: UR2'.",
    en = "Say which report this is, e.g. 'report: UR2'.",
  },
  check = function(fu, plan)
    local known = {}
    local fup = plan.follow_up
    for _, r in each(fup and fup.reports) do known[#known + 1] = tostring(r) end
    if #known == 0 then known = setting_list("followup_reports", {"UR2", "UR4"}) end
    local value = fu.report and trim(fu.report) or ""
    for _, r in ipairs(known) do
      if fold(r) == fold(value) then return end
    end
    report(fu, "report", {value = value, known = table.concat(known, ", ")})
  end,
}

rule {
  id = "followup.done.future-end",
  source = "house policy: a done action cannot be forecast to end later",
  severity = "error",
  message = {
    sv = "Insats {action} är klar men har prognos för slut {value}, efter uppföljningens datum {as_of}.",
    en = "Action {action} is done but its forecast end {value} is after the follow-up's date {as_of}.",
  },
  description = "A done action cannot end in the future (FORMATS.md section 11; house policy).",
  remediation = {
    sv = "Ändra status till on-track eller delayed, eller rätta 'forecast_end' till när insatsen blev klar.",
    en = "Change the status to on-track or delayed, or correct 'forecast_end' to when the action was finished.",
  },
  check = function(s)
    if s.status ~= "done" or s.forecast_end == nil then return end
    local f, day = date.parse(s.forecast_end, "end"), followup.as_of()
    if f and day and f > day then
      report(s, "forecast_end", {value = text(s, "forecast_end"), as_of = date.format(day)})
    end
  end,
}

rule {
  id = "followup.not-started.spending",
  source = "house policy: money spent on an action not started needs a look",
  severity = "warning",
  message = {
    sv = "Insats {action} är inte påbörjad men har förbrukat {spent} kr.",
    en = "Action {action} is not started but has spent SEK {spent}.",
  },
  description = "Money spent shows that work has started (house policy).",
  remediation = {
    sv = "Ändra status (on-track eller delayed) eller rätta 'spent_sek'.",
    en = "Change the status (on-track or delayed) or correct 'spent_sek'.",
  },
  check = function(s)
    if s.status == "not-started" and s.spent_sek ~= nil and s.spent_sek > 0 then
      report(s, "spent_sek", {spent = kr(s.spent_sek)})
    end
  end,
}

rule {
  id = "followup.comment.missing",
  source = "house policy: a delayed or cancelled action says why (ruleset setting followup_explain_statuses)",
  severity = "error",
  message = {
    sv = "Insats {action} är {status} men saknar kommentar som förklarar varför.",
    en = "Action {action} is {status} but has no comment saying why.",
  },
  description = "Deviations are explained to Kommunstyrelsen (seed line 224); which statuses need a comment is the setting followup_explain_statuses.",
  remediation = {
    sv = "Skriv i 'comment:' varför, och vad som händer nu.",
    en = "Say in 'comment:' why, and what happens now.",
  },
  check = function(s)
    if s.status == nil or not in_setting("followup_explain_statuses", {"delayed", "cancelled"}, s.status) then return end
    if blank(s.comment) then report(s, "status", {status = word(s.status)}) end
  end,
}

rule {
  id = "followup.escalate.late",
  source = "the seed, line 224: \"större avvikelser mot denna plan (tid och pengar) lyfts till Kommunstyrelsen\"; how late is large is the setting followup_escalate_days_late",
  severity = "warning",
  message = {
    sv = "Insats {action} beräknas bli klar {days} dagar efter planerat slut {planned} (gränsen är {limit} dagar).",
    en = "Action {action} is expected to finish {days} days after its planned end {planned} (the limit is {limit} days).",
  },
  description = "Large deviations in time go to Kommunstyrelsen (seed line 224); the limit is the setting followup_escalate_days_late.",
  remediation = {
    sv = "Lyft insatsen till Kommunstyrelsen med förslag på ny tidplan eller omprioritering.",
    en = "Raise the action with Kommunstyrelsen with a new timeline or a reprioritisation.",
  },
  check = function(s)
    local f = find_action(s.id) and followup.facts(s.id)
    if f == nil or f.delay_days == nil or f.status == "done" or f.status == "cancelled" then return end
    local limit = ruleset.setting("followup_escalate_days_late", 90)
    if f.delay_days >= limit and f.delay_days > 0 then
      report(s, has(s, "forecast_end") and "forecast_end" or "status",
             {days = f.delay_days, planned = date.format(f.planned_end), limit = limit})
    end
  end,
}

rule {
  id = "followup.escalate.overspend",
  source = "the seed, line 224: large deviations in money go to Kommunstyrelsen; how large is the setting followup_escalate_overspend_share",
  severity = "warning",
  message = {
    sv = "Insats {action} har förbrukat {spent} kr av {budget} kr: {over} kr ({percent} %) över (gränsen är {limit} %).",
    en = "Action {action} has spent SEK {spent} of SEK {budget}: SEK {over} ({percent} %) over (the limit is {limit} %).",
  },
  description = "Large deviations in money go to Kommunstyrelsen (seed line 224); the limit is the setting followup_escalate_overspend_share.",
  remediation = {
    sv = "Lyft insatsen till Kommunstyrelsen med förslag på finansiering eller minskad ambition.",
    en = "Raise the action with Kommunstyrelsen with a proposal for financing or a lower ambition.",
  },
  check = function(s)
    local f = find_action(s.id) and followup.facts(s.id)
    if f == nil or f.overspend_sek == nil or f.overspend_sek <= 0 then return end
    if f.budget_sek < 0.5 then return end   -- no share of 0 kr: followup.escalate.unbudgeted
    local share = ruleset.setting("followup_escalate_overspend_share", 0.10)
    if f.overspend_sek >= share * f.budget_sek then
      report(s, "spent_sek", {spent = kr(f.spent_sek), budget = kr(f.budget_sek), over = kr(f.overspend_sek),
                              percent = math.floor(100 * f.overspend_sek / f.budget_sek + 0.5),
                              limit = math.floor(100 * share + 0.5)})
    end
  end,
}

rule {
  id = "followup.escalate.unbudgeted",
  source = "the seed, line 224: large deviations in money go to Kommunstyrelsen; money spent on an action the plan gives 0 kr is all deviation",
  severity = "warning",
  message = {
    sv = "Insats {action} har förbrukat {spent} kr, men planen ger den 0 kr.",
    en = "Action {action} has spent SEK {spent}, but the plan gives it SEK 0.",
  },
  description = "Money spent on an action financed with 0 kr is a deviation in money and goes to Kommunstyrelsen (seed line 224).",
  remediation = {
    sv = "Lyft insatsen till Kommunstyrelsen med förslag på finansiering, eller rätta 'spent_sek' eller planens belopp.",
    en = "Raise the action with Kommunstyrelsen with a proposal for financing, or correct 'spent_sek' or the plan's amount.",
  },
  check = function(s)
    local f = find_action(s.id) and followup.facts(s.id)
    if f == nil or f.budget_sek == nil or f.spent_sek == nil then return end
    -- 0 kr as the user reads it (whole kronor), and every row's money known:
    -- a row without an amount may hold the money spent
    if f.budget_sek >= 0.5 or f.budget_partial or f.spent_sek < 0.5 then return end
    report(s, "spent_sek", {spent = kr(f.spent_sek)})
  end,
}

rule {
  id = "followup.escalate.status",
  source = "the seed, line 224: the plan is adopted as a whole, so a cancelled action goes to Kommunstyrelsen (setting followup_escalate_statuses)",
  severity = "warning",
  message = {
    sv = "Insats {action} är {status}: planen antas som helhet och en insats kan inte väljas bort utan beslut.",
    en = "Action {action} is {status}: the plan is adopted as a whole and an action is not dropped without a decision.",
  },
  description = "The plan is adopted as a whole; no strategy can be left out (seed line 224). Which statuses are escalated is the setting followup_escalate_statuses.",
  remediation = {
    sv = "Lyft insatsen till Kommunstyrelsen för ställningstagande.",
    en = "Raise the action with Kommunstyrelsen for a decision.",
  },
  check = function(s)
    if s.status ~= nil and find_action(s.id) and in_setting("followup_escalate_statuses", {"cancelled"}, s.status) then
      report(s, "status", {status = word(s.status)})
    end
  end,
}

rule {
  id = "followup.date.invalid",
  source = "FORMATS.md introduction: dates are YYYY, YYYY-MM or YYYY-MM-DD",
  severity = "error",
  applies_to = "followup",
  message = {
    sv = "Ogiltigt datum '{value}' i {field}: {reason}.",
    en = "Invalid date '{value}' in {field}: {reason}.",
  },
  description = "Dates are written YYYY, YYYY-MM or YYYY-MM-DD and must exist (FORMATS.md, introduction).",
  remediation = {
    sv = "Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD och kontrollera att dagen finns, t.ex. 'as_of: 2018-08-31'.",
    en = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD and check that the day exists, e.g. 'as_of: 2018-08-31'.",
  },
  check = function(fu)
    local function judge(node, key)
      local v = node[key]
      if v == nil then return end
      local day, why = date.parse(v, "end")
      if day == nil then report(node, key, {value = text(node, key), field = key, reason = why}) end
    end
    judge(fu, "as_of")
    for _, s in each(fu.actions) do judge(s, "forecast_end") end
  end,
}

rule {
  id = "followup.spent.invalid",
  source = "FORMATS.md section 11 (spent_sek: an amount in SEK, >= 0)",
  severity = "error",
  message = {
    sv = "Insats {action}: förbrukat belopp '{value}' ska vara ett tal från 0 och uppåt (kronor).",
    en = "Action {action}: the amount spent '{value}' must be a number from 0 up (kronor).",
  },
  description = "Money spent is a non-negative amount in kronor (house policy).",
  remediation = {
    sv = "Skriv förbrukade kronor som ett tal, t.ex. 'spent_sek: 250000'.",
    en = "Write the kronor spent as a number, e.g. 'spent_sek: 250000'.",
  },
  check = function(s)
    local v = s.spent_sek
    if v == nil then return end
    if v ~= v or v < 0 or v == math.huge then report(s, "spent_sek", {value = text(s, "spent_sek")}) end
  end,
}
