-- The plan's budget block, year by year (FORMATS.md section 8): every year of
-- the period has an entry, money not yet decided is named, and money or FTE
-- paid by sources that end during the period must be replaced.
--
-- The gap computation is mirrored by engine/budget.c (`styr budget`); a
-- fixture and a golden test hold both to the same figures.

-- A source as a message names it: its text, or words that say none is given
-- (blank, a list: what styr budget counts under no name).
local function source_name(s)
  if kind(s) == "text" and tostring(s):match("%S") then return tostring(s) end
  return lang() == "en" and "a source not named" or "en källa som inte anges"
end

local function period_years()
  local from, to = plan_period()
  if from == nil then return nil end
  return tonumber(date.format(from):sub(1, 4)), tonumber(date.format(to):sub(1, 4))
end

local function num(v) return type(v) == "number" and v == v and v or nil end

local function fmt(n)
  local s = string.format("%.2f", n):gsub("0+$", ""):gsub("%.$", "")
  if lang() ~= "en" then s = s:gsub("%.", ",") end
  return s
end

local function sek(n)
  local s = string.format("%.0f", n)
  return (s:reverse():gsub("(%d%d%d)", "%1 "):reverse():gsub("^ ", ""))
end

-- The budget entry for each year (the first one written), by year.
local function entries(plan)
  local by_year = {}
  for _, b in each(plan.budget) do
    local y = b.year
    if math.type(y) == "integer" and by_year[y] == nil then by_year[y] = b end
  end
  return by_year
end

rule {
  id = "plan.budget.year-missing",
  severity = "warning",
  message = {
    sv = "Budgeten saknar {years} av planperioden {from}–{to}.",
    en = "The budget has no entry for {years} of the plan period {from}–{to}.",
  },
  remediation = {
    sv = "Lägg till en rad per år under 'budget:', t.ex. '- {year: {first}, funding_sek: 0, status: requested}'.",
    en = "Add one line a year under 'budget:', e.g. '- {year: {first}, funding_sek: 0, status: requested}'.",
  },
  source = "seed line 212 (kostnaden anges för 2018; 2019 bara som \"en mycket tidig och översiktlig bedömning\")",
  check = function(plan)
    if plan.budget == nil then return end
    local y1, y2 = period_years()
    if y1 == nil or y2 - y1 > 50 then return end
    local by_year, missing = entries(plan), {}
    for y = y1, y2 do
      if by_year[y] == nil then missing[#missing + 1] = tostring(y) end
    end
    if #missing == 0 then return end
    local word = lang() == "en" and (#missing == 1 and "the year " or "the years ") or (#missing == 1 and "året " or "åren ")
    report(plan, "budget", {years = word .. table.concat(missing, ", "), from = y1, to = y2, first = missing[1]})
  end,
}

rule {
  id = "plan.budget.year-twice",
  severity = "warning",
  message = {
    sv = "Budgeten har året {year} två gånger (även på rad {first}); bara den första raden räknas.",
    en = "The budget has the year {year} twice (also on line {first}); only the first entry counts.",
  },
  remediation = {
    sv = "Slå ihop raderna för {year} till en, eller rätta året på den ena.",
    en = "Merge the entries for {year} into one, or correct the year of one of them.",
  },
  description = "One entry a year: styr budget and the gap count the first; a second one (a copied row) is silently unused otherwise.",
  source = "house policy: one budget entry a year (styr budget and plan.budget.gap count the first)",
  check = function(plan)
    local first = {}
    for _, b in each(plan.budget) do
      local y = b.year
      if math.type(y) == "integer" then
        if first[y] == nil then first[y] = b
        else report(b, "year", {year = y, first = line(first[y])}) end
      end
    end
  end,
}

rule {
  id = "plan.budget.year-outside",
  severity = "warning",
  message = {
    sv = "Budgeten har en rad för {year}, utanför planperioden {from}–{to}; den räknas inte.",
    en = "The budget has an entry for {year}, outside the plan period {from}–{to}; it does not count.",
  },
  remediation = {
    sv = "Rätta året (ett år av planperioden {from}–{to}), eller ta bort raden om den hör till en annan plan.",
    en = "Correct the year (a year of the plan period {from}–{to}), or remove the entry if it belongs to another plan.",
  },
  description = "A budget entry for a year the period does not cover is left out of styr budget and of the gap; without a word it would be lost.",
  source = "house policy: nothing in the plan is silently unused (styr budget and plan.budget.gap count only the period's years)",
  check = function(plan)
    local y1, y2 = period_years()
    if y1 == nil then return end
    for _, b in each(plan.budget) do
      local y = b.year
      if math.type(y) == "integer" and (y < y1 or y > y2) then
        report(b, "year", {year = y, from = y1, to = y2})
      end
    end
  end,
}

rule {
  id = "plan.budget.amount-invalid",
  severity = "error",
  message = {
    sv = "Budgeten för {year}: {field} är {value}; belopp och årsarbetskrafter är ändliga tal från 0 och uppåt.",
    en = "The budget for {year}: {field} is {value}; amounts and FTEs are finite numbers of 0 or more.",
  },
  remediation = {
    sv = "Skriv beloppet i kronor eller antalet årsarbetskrafter som ett tal från 0 och uppåt, t.ex. 'funding_sek: 3000000' eller 'fte_external: 1.25'.",
    en = "Write the amount in SEK or the number of FTEs as a number of 0 or more, e.g. 'funding_sek: 3000000' or 'fte_external: 1.25'.",
  },
  description = "A negative or infinite amount or FTE in the budget block is read by styr budget and plan.budget.gap as no figure at all; the plan's own money would be lost without a word.",
  source = "FORMATS.md section 8 (the budget block's amounts, as a financing's: numbers of 0 or more); house policy: nothing in the plan is silently unused",
  check = function(plan)
    for _, b in each(plan.budget) do
      for _, key in ipairs({"funding_sek", "fte_reprioritised", "fte_external"}) do
        local v = b[key]
        if type(v) == "number" and (v ~= v or v < 0 or v == math.huge) then
          report(b, key, {year = b.year or "?", field = key, value = v})
        end
      end
    end
  end,
}

local budget_status = {
  decided = false,
  requested = {sv = "begärd men inte beslutad", en = "requested, not decided"},
  conditional = {sv = "villkorad", en = "conditional"},
  projected = {sv = "bara en bedömning, ingen budget", en = "only an estimate, not a budget"},
}

rule {
  id = "plan.budget.status-unknown",
  severity = "error",
  message = {
    sv = "Okänd status '{value}' för budgetåret (decided | requested | conditional | projected){hint}.",
    en = "Unknown status '{value}' for the budget year (decided | requested | conditional | projected){hint}.",
  },
  remediation = {
    sv = "Skriv 'status: decided', 'requested', 'conditional' eller 'projected'.",
    en = "Write 'status: decided', 'requested', 'conditional' or 'projected'.",
  },
  source = "FORMATS.md section 8",
  check = function(plan)
    for _, b in each(plan.budget) do
      local st = b.status
      if st ~= nil and budget_status[tostring(st)] == nil then
        report(b, "status", {value = st, hint = did_you_mean(nearest(tostring(st), {"decided", "requested", "conditional", "projected"}))})
      end
    end
  end,
}

rule {
  id = "plan.budget.not-decided",
  severity = "warning",
  message = {
    sv = "Budgeten för {year} är {status}.",
    en = "The budget for {year} is {status}.",
  },
  remediation = {
    sv = "Säg vad planen gör om pengarna inte beviljas (lägre ambition, andra insatser först).",
    en = "Say what the plan does if the money is not granted (lower ambition, other actions first).",
  },
  source = "seed line 204 (beslutspunkt 2; \"hanteras inom ramen för kommande kompletteringsbudget\"), line 212",
  check = function(plan)
    for _, b in each(plan.budget) do
      local w = budget_status[tostring(b.status)]
      if w then report(b, "status", {year = b.year or "?", status = lang() == "en" and w.en or w.sv}) end
    end
  end,
}

-- A grant's end: its own `until`, else the registry's `until` for the funder.
local function grant_end(f)
  if f["until"] ~= nil then return (date.parse(f["until"], "end")) end
  local e = f.source and registry.funder(tostring(f.source))
  if e ~= nil and e["until"] ~= nil then return (date.parse(e["until"], "end")) end
  return nil
end

local function is_grant(f)
  if f.type == "external-grant" then return true end
  local e = f.source and registry.funder(tostring(f.source))
  return e ~= nil and e.type == "external-grant"
end

-- A grant's money for year y: amount_sek shared evenly over the years it is
-- for (`years`, else the years the action runs within the period).
local function money_for_year(a, f, y, y1, y2)
  local amount = num(f.amount_sek)
  if amount == nil then return 0 end
  local n, covers = 0, false
  if f.years ~= nil and #f.years > 0 then
    for _, fy in each(f.years) do
      if math.type(fy) == "integer" then
        n = n + 1
        if fy == y then covers = true end
      end
    end
  else
    local t, s, e = a.timeline, y1, y2
    local ts, te = t and date.parse(t.start, "start"), t and date.parse(t["end"], "end")
    if ts and te and ts <= te then
      s = math.max(y1, tonumber(date.format(ts):sub(1, 4)))
      e = math.min(y2, tonumber(date.format(te):sub(1, 4)))
    end
    n = e - s + 1
    covers = y >= s and y <= e
  end
  if not covers or n <= 0 then return 0 end
  return amount / n
end

rule {
  id = "plan.budget.gap",
  severity = "warning",
  message = {
    sv = "Finansieringen från {sources} upphör {ends} och ersätts inte: {gaps}.",
    en = "The money from {sources} ends {ends} and is not replaced: {gaps}.",
  },
  remediation = {
    sv = "Ange hur glappet täcks (ny finansiering, omprioritering) eller vilka insatser som minskas, och för in det i budgeten för året.",
    en = "Say how the gap is covered (new money, reprioritisation) or which actions are scaled down, and put it in that year's budget.",
  },
  source = "seed line 212 (\"den externa finansieringen från Vinnova och Tillväxtverket upphör och medför ett nytt resursbehov på 1,25 resurser\")",
  check = function(plan)
    local y1, y2 = period_years()
    if y1 == nil or y2 - y1 > 50 then return end
    local by_year = entries(plan)
    local base = by_year[y1]
    if base == nil then return end
    -- The grants of the plan: who, when they end.
    local grants = {}
    for _, a in each(plan.actions) do
      for _, f in each(a.financing) do
        if is_grant(f) then grants[#grants + 1] = {f = f, ends = grant_end(f), base_sek = money_for_year(a, f, y1, y1, y2)} end
      end
    end
    if #grants == 0 then return end
    local b_fte_own = num(base.fte_reprioritised) or 0
    local b_fte_ext = num(base.fte_external) or 0
    local b_sek = num(base.funding_sek) or 0
    -- One pass over the grants (a plan may have thousands): the last day any
    -- of them runs, and what ends before each year, by the year it is missed.
    local open_ended, max_end, ended = false, nil, {}
    for _, g in ipairs(grants) do
      if g.ends == nil then
        open_ended = true
      else
        if max_end == nil or g.ends > max_end then max_end = g.ends end
        local missed = tonumber(date.format(g.ends):sub(1, 4)) + 1
        if missed <= y2 then
          local e = ended[missed] or {sek = 0, grants = {}}
          ended[missed] = e
          e.sek = e.sek + g.base_sek
          e.grants[#e.grants + 1] = g
        end
      end
    end
    local gaps, names, seen, last_end, lost_sek = {}, {}, {}, nil, 0
    local en = lang() == "en"
    for y = y1 + 1, y2 do
      local start_y = date.parse(tostring(y), "start")
      local continuing = open_ended or (max_end ~= nil and max_end >= start_y)
      local due = {}   -- few entries: one a year in which grants end; in year order, for a stable message
      for k in pairs(ended) do if k <= y then due[#due + 1] = k end end
      table.sort(due)
      for _, k in ipairs(due) do
        local e = ended[k]
        do
          lost_sek = lost_sek + e.sek
          for _, g in ipairs(e.grants) do
            local n = source_name(g.f.source)
            if not seen[n] then seen[n] = true; names[#names + 1] = n end
            if last_end == nil or g.ends > last_end then last_end = g.ends end
          end
          ended[k] = nil
        end
      end
      local lost_fte = continuing and 0 or b_fte_ext
      local b = by_year[y]
      local own_fte = b and num(b.fte_reprioritised) or b_fte_own
      local funding = b and num(b.funding_sek) or b_sek
      local gap_fte = math.min(lost_fte, math.max(0, b_fte_own + b_fte_ext - own_fte))
      local gap_sek = math.min(lost_sek, math.max(0, b_sek + lost_sek - funding))
      if gap_fte > 0.0001 or gap_sek > 0.5 then
        local parts = {}
        if gap_fte > 0.0001 then   -- "1 årsarbetskraft", "1,25 årsarbetskrafter"
          local n = fmt(gap_fte)
          parts[#parts + 1] = n .. (en and " FTE" or n == "1" and " årsarbetskraft" or " årsarbetskrafter")
        end
        if gap_sek > 0.5 then parts[#parts + 1] = sek(gap_sek) .. (en and " SEK" or " kr") end
        local what = table.concat(parts, en and " and " or " och ")
        local last = gaps[#gaps]
        if last and last.what == what and last.to == y - 1 then last.to = y   -- one line for a run of equal years
        else gaps[#gaps + 1] = {from = y, to = y, what = what} end
      end
    end
    if #gaps == 0 then return end
    for i, g in ipairs(gaps) do
      local span = g.from == g.to and tostring(g.from) or (g.from .. "–" .. g.to)
      local each_year = g.from == g.to and "" or (en and " a year" or " per år")
      gaps[i] = span .. ": " .. g.what .. each_year
    end
    report(plan, "budget", {sources = table.concat(names, en and " and " or " och "),
                            ends = last_end and date.format(last_end) or "?",
                            gaps = table.concat(gaps, "; ")})
  end,
}
