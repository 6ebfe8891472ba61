-- Every action says how it is paid for: at least one financing entry of a
-- known type, with sane amounts, and grants that last as long as the work.

local function is_bad_number(v)
  return v ~= nil and (v ~= v or v < 0 or v == math.huge)
end

-- The financing types the ruleset allows (settings.financing_types), read
-- once: settings do not change during a run.
local known_types, known_list
local function financing_types()
  if known_list == nil then
    known_types, known_list = {}, {}
    for _, k in each(ruleset.setting("financing_types")) do
      known_types[k] = true
      known_list[#known_list + 1] = k
    end
  end
  return known_types, known_list
end

rule {
  id = "action.financing.missing",
  severity = "error",
  message = {
    sv = "Insats {action} saknar finansiering (financing: bidrag, befintligt uppdrag, budget ...).",
    en = "Action {action} has no financing (financing: a grant, an existing mandate, budget ...).",
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
      if s ~= nil and registry.funder(tostring(s)) == nil and registry.owner(tostring(s)) == nil then
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

rule {
  id = "action.financing.grant-ends-early",
  severity = "warning",
  message = {
    sv = "Insats {action}: bidraget från {source} tar slut {until}, men insatsen pågår till {stop}. Hur finansieras resten?",
    en = "Action {action}: the grant from {source} ends {until}, but the action runs until {stop}. How is the rest financed?",
  },
  remediation = {
    sv = "Lägg till finansiering för tiden efter bidraget, eller korta tidplanen.",
    en = "Add financing for the time after the grant, or shorten the timeline.",
  },
  check = function(a)
    local t = a.timeline
    local stop = t and date.parse(t["end"], "end")
    if stop == nil then return end
    for _, f in each(a.financing) do
      if f.type == "external-grant" and f["until"] ~= nil then
        local ends = date.parse(f["until"], "end")
        if ends and ends < stop then
          report(f, "until", {source = f.source or "?", ["until"] = date.format(ends), stop = date.format(stop)})
        end
      end
    end
  end,
}
