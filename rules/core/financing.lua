-- Every action says how it is paid for: at least one financing entry of a
-- known type, with sane amounts, and grants that last as long as the work.

local function is_bad_number(v)
  return v ~= nil and (v ~= v or v < 0 or v == math.huge)
end

-- The financing types the ruleset allows (settings.financing_types), read
-- at each call, never kept: a fixture of `styr rules test` may set them for
-- itself alone (`# styr-test: settings {...}`), and the next fixture is
-- judged by the same rules.
local function financing_types()
  local known_types, known_list = {}, {}
  for _, k in each(ruleset.setting("financing_types")) do
    known_types[k] = true
    known_list[#known_list + 1] = k
  end
  return known_types, known_list
end

rule {
  id = "action.financing.missing",
  severity = "error",
  source = "seed line 204 (the plan accounts for its money: existing frames, grants, kompletteringsbudget)",
  message = {
    sv = "Insats {action} anger inte hur den finansieras (financing: befintlig ram eller uppdrag, bidrag, budget ...).",
    en = "Action {action} does not say how it is financed (financing: existing frame or mandate, a grant, budget ...).",
  },
  remediation = {
    sv = "Ange minst en finansieringskälla, t.ex. '{type: existing-mandate, source: <nämnd>}'.",
    en = "Give at least one source, e.g. '{type: existing-mandate, source: <board>}'.",
  },
  check = function(a)
    for _ in each(a.financing) do return end
    report(a, "financing")
  end,
}

rule {
  id = "action.financing.type-missing",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action}: finansieringen saknar typ (type: {known}).",
    en = "Action {action}: a financing entry has no type (type: {known}).",
  },
  remediation = {
    sv = "Ange finansieringens typ i 'type:', t.ex. 'type: external-grant' för bidrag eller 'type: existing-mandate' för befintligt uppdrag.",
    en = "Give the financing's type in 'type:', e.g. 'type: external-grant' for a grant or 'type: existing-mandate' for an existing mandate.",
  },
  check = function(a)
    for _, f in each(a.financing) do
      if f.type == nil then
        local _, list = financing_types()
        report(f, "type", {known = table.concat(list, " | ")})
      end
    end
  end,
}

rule {
  id = "action.financing.type-unknown",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action}: okänd finansieringstyp '{value}'{hint}.",
    en = "Action {action}: unknown financing type '{value}'{hint}.",
  },
  remediation = {
    sv = "Rätta 'type:' till en av de tillåtna finansieringstyperna, t.ex. 'type: budget'; de står under 'financing_types' i ruleset.yaml.",
    en = "Change 'type:' to one of the allowed financing types, e.g. 'type: budget'; they are listed under 'financing_types' in ruleset.yaml.",
  },
  check = function(a)
    local known, list = financing_types()
    if #list == 0 then return end
    for _, f in each(a.financing) do
      local t = f.type
      if t ~= nil and not known[tostring(t)] then
        local near = nearest(tostring(t), list)
        local hint = near and did_you_mean(near) or (" (" .. table.concat(list, ", ") .. ")")
        report(f, "type", {value = t, hint = hint})
      end
    end
  end,
}

rule {
  id = "action.financing.source-unknown",
  severity = "warning",
  source = "house policy (funders are named as the registry names them)",
  message = {
    sv = "Insats {action}: finansiären '{source}' finns inte i registret{hint}.",
    en = "Action {action}: the funder '{source}' is not in the registry{hint}.",
  },
  remediation = {
    sv = "Rätta stavningen av 'source:', eller lägg till finansiären (eller ett alias) under 'funders:' i registry.yaml.",
    en = "Fix the spelling of 'source:', or add the funder (or an alias) under 'funders:' in registry.yaml.",
  },
  check = function(a)
    if registry.size("funder") == 0 then return end
    for _, f in each(a.financing) do
      local s = f.source
      local base = s ~= nil and tostring(s):match("^(.-)%s+%d%d%d%d$")
      local yearly = base and registry.funder(base)
      if yearly ~= nil and yearly ~= false and yearly.yearly ~= true then yearly = nil end
      if s ~= nil and registry.funder(tostring(s)) == nil and registry.owner(tostring(s)) == nil
         and not yearly then
        local near = registry.suggest("funder", tostring(s))
        local hint = did_you_mean(near)
        report(f, "source", {source = s, hint = hint})
      end
    end
  end,
}

rule {
  id = "action.financing.amount-invalid",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action}: {field} är {value}; belopp och årsarbetskrafter är ändliga tal från 0 och uppåt.",
    en = "Action {action}: {field} is {value}; amounts and FTEs are finite numbers of 0 or more.",
  },
  remediation = {
    sv = "Skriv beloppet i kronor eller antalet årsarbetskrafter som ett tal från 0 och uppåt, t.ex. 'amount_sek: 500000' eller 'fte: 1.5'.",
    en = "Write the amount in SEK or the number of FTEs as a number of 0 or more, e.g. 'amount_sek: 500000' or 'fte: 1.5'.",
  },
  check = function(a)
    for _, f in each(a.financing) do
      for _, key in ipairs({"amount_sek", "fte"}) do
        local v = f[key]
        if is_bad_number(v) then report(f, key, {field = key, value = v}) end
      end
    end
  end,
}

rule {
  id = "action.financing.until-invalid",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action}: ogiltigt datum '{value}' i finansieringens until: {reason}.",
    en = "Action {action}: invalid date '{value}' in the financing's until: {reason}.",
  },
  remediation = {
    sv = "Skriv när finansieringen upphör som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, t.ex. 'until: 2018-12'.",
    en = "Write when the financing ends as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 'until: 2018-12'.",
  },
  check = function(a)
    for _, f in each(a.financing) do
      if f["until"] ~= nil then
        local day, why = date.parse(f["until"], "end")
        if day == nil then report(f, "until", {value = f["until"], reason = why}) end
      end
    end
  end,
}

-- The registry's entry for a funder, also for a yearly funder written with
-- its year ("Kommunfullmäktiges budget 2019").
-- A source as a message names it: its text, or words that say none is given
-- (blank, a list: what styr budget counts under no name).
local function source_name(s)
  if kind(s) == "text" and tostring(s):match("%S") then return tostring(s) end
  return lang() == "en" and "a source not named" or "en källa som inte anges"
end

local function funder_entry(name)
  if name == nil then return nil end
  local e = registry.funder(tostring(name))
  if e ~= nil then return e end
  local base = tostring(name):match("^(.-)%s+%d%d%d%d$")
  if base then
    e = registry.funder(base)
    if e ~= nil and e.yearly == true then return e end
  end
  return nil
end

-- When a financing entry's money ends: its own `until`, else the registry's
-- `until` for its funder. A day number, or nil.
local function money_ends(f)
  if f["until"] ~= nil then return (date.parse(f["until"], "end")) end
  local e = funder_entry(f.source)
  if e ~= nil and e["until"] ~= nil then return (date.parse(e["until"], "end")) end
  return nil
end

local function is_grant(f)
  if f.type == "external-grant" then return true end
  local e = funder_entry(f.source)
  return e ~= nil and e.type == "external-grant"
end

rule {
  id = "action.financing.grant-ends-early",
  severity = "warning",
  message = {
    sv = "Insats {action}: {grants} från {source} tar slut {until}, men insatsen pågår till {stop}{assumed}. Hur finansieras resten?",
    en = "Action {action}: {grants} from {source} {ends} {until}, but the action runs until {stop}{assumed}. How is the rest financed?",
  },
  remediation = {
    sv = "Lägg till finansiering för tiden efter bidragsperioden, eller korta tidplanen.",
    en = "Add financing for the time after the grant period, or shorten the timeline.",
  },
  source = "seed line 212 (\"den externa finansieringen från Vinnova och Tillväxtverket upphör\")",
  check = function(a)
    -- Without a timeline the plan period stands in for it (FORMATS.md section 8).
    local t = a.timeline
    local stop = t and date.parse(t["end"], "end")
    local assumed = ""
    if stop == nil then
      if t ~= nil and t["end"] ~= nil then return end   -- an invalid end is reported elsewhere
      local _, to = plan_period()
      if to == nil then return end
      stop = to
      assumed = lang() == "en" and " (the plan period; it has no timeline)" or " (planperioden; tidplan saknas)"
    end
    -- The grants that end before the action: each funder once, with the
    -- day its last such grant ends, in the order the funders are named.
    local names, last, first, count = {}, {}, nil, 0
    for _, f in each(a.financing) do
      if is_grant(f) then
        local ends = money_ends(f)
        if ends and ends < stop then
          local name = source_name(f.source)
          if last[name] == nil then names[#names + 1] = name end
          if last[name] == nil or ends > last[name] then last[name] = ends end
          first = first or f
          count = count + 1
        end
      end
    end
    if first == nil then return end
    local key = first["until"] ~= nil and "until" or "source"
    local en = lang() == "en"
    local dates, differ = {}, false
    for i, name in ipairs(names) do
      dates[i] = date.format(last[name])
      differ = differ or dates[i] ~= dates[1]
    end
    -- "A, B och C"; different days each their own, in the same order
    -- ("2019-12-31, 2018-06-30 respektive 2020-03-31").
    local function list(t, conj)
      if #t == 1 then return t[1] end
      return table.concat(t, ", ", 1, #t - 1) .. conj .. t[#t]
    end
    local ends = differ and (en and list(dates, " and ") .. " respectively" or list(dates, " respektive "))
                 or dates[1]
    report(first, key, {grants = count > 1 and (en and "the grants" or "bidragen") or (en and "the grant" or "bidraget"),
                        ends = count > 1 and "end" or "ends",
                        source = list(names, en and " and " or " och "), ["until"] = ends,
                        stop = date.format(stop), assumed = assumed})
  end,
}

-- Money not yet decided: requested (e.g. referred to a coming supplementary
-- budget) or conditional.
local status_words = {
  requested = {sv = "begärd men inte beslutad", en = "requested, not decided"},
  conditional = {sv = "villkorad", en = "conditional"},
}

rule {
  id = "action.financing.status-unknown",
  severity = "error",
  message = {
    sv = "Insats {action}: okänd status '{value}' för finansieringen (decided | requested | conditional){hint}.",
    en = "Action {action}: unknown financing status '{value}' (decided | requested | conditional){hint}.",
  },
  remediation = {
    sv = "Skriv 'status: decided' (beslutad), 'requested' (begärd) eller 'conditional' (villkorad).",
    en = "Write 'status: decided', 'requested' or 'conditional'.",
  },
  source = "FORMATS.md section 8",
  check = function(a)
    for _, f in each(a.financing) do
      local st = f.status
      if st ~= nil and st ~= "decided" and status_words[tostring(st)] == nil then
        report(f, "status", {value = st, hint = did_you_mean(nearest(tostring(st), {"decided", "requested", "conditional"}))})
      end
    end
  end,
}

local function sek(n)
  local s = string.format("%.0f", n)
  local out = s:reverse():gsub("(%d%d%d)", "%1 "):reverse():gsub("^ ", "")
  return out
end

rule {
  id = "action.financing.not-decided",
  severity = "warning",
  message = {
    sv = "Insats {action}: {what} från {source} är {status}{decision}; insatsen beror på pengar som inte är beslutade.",
    en = "Action {action}: {what} from {source} is {status}{decision}; the action depends on money not yet decided.",
  },
  remediation = {
    sv = "Ange vad som gäller om beslutet uteblir (lägre ambition, annan finansiering), eller vänta med planen till beslutet.",
    en = "Say what happens if the decision does not come (lower ambition, other money), or wait for the decision.",
  },
  source = "seed line 204 (beslutspunkt 2: \"kan påbörjas under förutsättning att beslut om resursförstärkning fattas\"), line 212",
  check = function(a)
    local en = lang() == "en"
    for _, f in each(a.financing) do
      local w = status_words[tostring(f.status)]
      if w ~= nil then
        local what
        if f.amount_sek ~= nil then what = sek(f.amount_sek) .. (en and " SEK" or " kr")
        elseif f.fte ~= nil then   -- "1,5 årsarbetskrafter": a Swedish decimal comma; "1 årsarbetskraft"
          local v = f.fte
          if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 1e15 then v = math.tointeger(v) end
          local n = tostring(v)   -- "1", not "1.0"
          what = en and n .. " FTE" or n:gsub("%.", ",") .. (n == "1" and " årsarbetskraft" or " årsarbetskrafter")
        else what = en and "the money" or "finansieringen" end
        local decision = f.decision and ((en and " (to be decided in " or " (avgörs i ") .. tostring(f.decision) .. ")") or ""
        report(f, "status", {what = what, source = source_name(f.source), status = en and w.en or w.sv,
                             decision = decision})
      end
    end
  end,
}

rule {
  id = "action.financing.type-mismatch",
  severity = "warning",
  message = {
    sv = "Insats {action}: {source} är i registret {known}, men finansieringen anges som '{value}'.",
    en = "Action {action}: {source} is {known} in the registry, but the financing says '{value}'.",
  },
  remediation = {
    sv = "Rätta 'type:' till '{known}', eller rätta finansiären.",
    en = "Change 'type:' to '{known}', or correct the funder.",
  },
  source = "house policy (the registry says what kind of money a funder gives)",
  check = function(a)
    for _, f in each(a.financing) do
      local e = funder_entry(f.source)
      if e ~= nil and e.type ~= nil and f.type ~= nil and tostring(e.type) ~= tostring(f.type) then
        report(f, "type", {source = tostring(f.source), known = tostring(e.type), value = tostring(f.type)})
      end
    end
  end,
}

rule {
  id = "action.financing.years-outside",
  severity = "error",
  message = {
    sv = "Insats {action}: finansieringen gäller år {year}, utanför planperioden {from}–{to}.",
    en = "Action {action}: the financing is for {year}, outside the plan period {from}–{to}.",
  },
  remediation = {
    sv = "Rätta 'years:' så att bara planperiodens år står där.",
    en = "Correct 'years:' to list only years of the plan period.",
  },
  source = "FORMATS.md section 8",
  check = function(a)
    local from, to = plan_period()
    if from == nil then return end
    local y1, y2 = tonumber(date.format(from):sub(1, 4)), tonumber(date.format(to):sub(1, 4))
    for _, f in each(a.financing) do
      local outside = {}
      for _, y in each(f.years) do
        if math.type(y) == "integer" and (y < y1 or y > y2) then outside[#outside + 1] = tostring(y) end
      end
      if #outside > 0 then report(f, "years", {year = table.concat(outside, ", "), from = y1, to = y2}) end
    end
  end,
}

rule {
  id = "action.financing.amount-missing",
  severity = "warning",
  applies_to = "plan",
  message = {
    sv = "Bara {with} av {total} insatser anger en kostnad (amount_sek eller fte){ids}; planens pengar går inte att följa per insats.",
    en = "Only {with} of {total} actions state a cost (amount_sek or fte){ids}; the plan's money cannot be followed per action.",
  },
  remediation = {
    sv = "Ange en uppskattad kostnad i kronor (amount_sek) eller årsarbetskrafter (fte) för varje insats, även inom befintlig ram.",
    en = "Give an estimated cost in SEK (amount_sek) or FTE (fte) for each action, also within existing frames.",
  },
  source = "seed line 210 (\"tidplan och kostnadsuppskattning är muntligt avstämt\"); line 212 (kostnaden anges bara för helheten)",
  check = function(plan)
    local with, total, which = 0, 0, {}
    for _, a in each(plan.actions) do
      total = total + 1
      local costed = false
      for _, f in each(a.financing) do
        if f.amount_sek ~= nil or f.fte ~= nil then costed = true end
      end
      if costed then with = with + 1; which[#which + 1] = tostring(text(a, "id") or "?") end
    end
    if total == 0 or with * 2 >= total then return end
    local ids = #which > 0 and (" (" .. table.concat(which, ", ") .. ")") or ""
    report(plan, "actions", {with = with, total = total, ids = ids})
  end,
}
