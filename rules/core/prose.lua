-- What an action's text says beyond its structured fields: programmes, budget
-- assignments and other actions it names without linking them, and actions
-- that say nearly the same thing as another (FORMATS.md section 8).

local function action_text(a)
  local t = {}
  if kind(a.title) == "text" then t[#t + 1] = a.title end
  if kind(a.description) == "text" then t[#t + 1] = a.description end
  return table.concat(t, " ")
end

-- Whether folded text hay holds folded needle as whole words.
local function has_words(hay, needle)
  local from = 1
  while true do
    local i, j = hay:find(needle, from, true)
    if i == nil then return false end
    local before, after = hay:sub(i - 1, i - 1), hay:sub(j + 1, j + 1)
    if (i == 1 or not before:match("[%w\128-\255]")) and (after == "" or not after:match("[%w\128-\255]")) then
      return true
    end
    from = i + 1
  end
end

-- The registry programme an entry of links.programs or document.implements
-- names, as its canonical name (yearly programmes keep their year).
local function program_key_uncached(s)
  local e = registry.program(s)
  if e ~= nil then return fold(tostring(e.name)) end
  local base, year = s:match("^(.-)%s+(%d%d%d%d)$")
  e = base and registry.program(base)
  if e ~= nil and e.yearly == true then return fold(tostring(e.name) .. " " .. year) end
  return fold(s)
end

local key_cache = {}   -- a pure function of the name and the registry, which does not change during a run
local function program_key(name)
  local s = tostring(name)
  local cached = key_cache[s]
  if cached then return cached end
  local k = program_key_uncached(s)
  key_cache[s] = k
  return k
end

-- The registry's programmes by the first word of each folded spelling (name
-- and aliases of six characters or more), read once: the registry does not
-- change during a run. Yearly programmes are found by the budget-assignment
-- pattern instead.
local by_first
local function program_spellings()
  if by_first == nil then
    by_first = {}
    for _, name in ipairs(registry.names("program")) do
      local e = registry.program(name)
      if e.yearly ~= true then
        local p = {name = tostring(e.name), key = fold(tostring(e.name))}
        local all = {tostring(e.name)}
        for _, al in each(e.aliases) do all[#all + 1] = tostring(al) end
        for _, sp in ipairs(all) do
          if (utf8.len(sp) or 0) >= 6 then
            local f = fold(sp)
            local first = f:match("^[%w\128-\255]+") or f
            by_first[first] = by_first[first] or {}
            table.insert(by_first[first], {program = p, text = f})
          end
        end
      end
    end
  end
  return by_first
end

rule {
  id = "action.links.mentioned",
  severity = "warning",
  message = {
    sv = "Insats {action} nämner {what} i texten men länkar inte dit (links).",
    en = "Action {action} names {what} in its text but does not link to it (links).",
  },
  remediation = {
    sv = "För in det nämnda under 'links:' ('programs' eller 'actions'), så att kopplingen följs upp.",
    en = "Put what the text names under 'links:' ('programs' or 'actions'), so that the link is followed up.",
  },
  source = "seed lines 220-222 (mallens avsnitt \"Koppling till andra styrande dokument\"); line 218 (kommunfullmäktiges budget är det överordnade styrande dokumentet)",
  check = function(a, plan)
    local txt = action_text(a)
    if txt == "" then return end
    local folded = fold(txt)
    -- What the text names, found first (most texts name nothing, and then the
    -- links need not be read at all).
    local ids, programs, years = {}, {}, {}
    if pattern.match("action-reference", txt) then
      local seen_id = {}
      for _, ref in ipairs(pattern.find_all("action-reference", txt, 1)) do
        for id in ref:gmatch("%d+%.%d+") do
          if not seen_id[id] then seen_id[id] = true; ids[#ids + 1] = id end
        end
      end
    end
    -- Programmes of the registry, by name or alias: a spelling is looked for
    -- only where the text has its first word (one pass over the words).
    local index, tried = program_spellings(), {}
    for w in folded:gmatch("[%w\128-\255]+") do
      local cands = index[w]
      if cands and not tried[w] then
        tried[w] = true
        for _, c in ipairs(cands) do
          if not programs[c.program] and has_words(folded, c.text) then programs[c.program] = true end
        end
      end
    end
    -- Budget assignments and goals: "uppdrag i Budget 2018", "budgetmål 2018".
    if pattern.match("budget-assignment", txt) then
      for _, year in ipairs(pattern.find_all("budget-assignment", txt, 1)) do years[#years + 1] = year end
    end
    if #ids == 0 and next(programs) == nil and #years == 0 then return end

    local linked_actions, linked_programs = {}, {}
    local l = a.links
    for _, id in each(l and l.actions) do linked_actions[tostring(id)] = true end
    for _, p in each(l and l.programs) do linked_programs[program_key(p)] = true end
    local d = plan and plan.document
    for _, p in each(d and d.implements) do linked_programs[program_key(p)] = true end   -- not "another programme"
    local own = tostring(text(a, "id") or "")
    local named = {}
    for _, id in ipairs(ids) do
      if id ~= own and not linked_actions[id] and find_action(id) ~= nil then
        named[#named + 1] = (lang() == "en" and "action " or "insats ") .. id
      end
    end
    local programs_named = {}
    for p in pairs(programs) do
      if not linked_programs[p.key] then programs_named[#programs_named + 1] = p.name end
    end
    table.sort(programs_named)   -- the index has no order; the message must not vary
    for _, name in ipairs(programs_named) do named[#named + 1] = name end
    local seen_year = {}
    for _, year in ipairs(years) do
      local key = program_key("Kommunfullmäktiges budget " .. year)
      if not linked_programs[key] and not seen_year[year] then
        seen_year[year] = true
        named[#named + 1] = "Kommunfullmäktiges budget " .. year
      end
    end
    if #named > 0 then
      report(a, "links", {what = table.concat(named, ", ")})
    end
  end,
}

-- ---- near-duplicate actions ----------------------------------------------

-- A list setting as a set of folded words, read once (settings do not change during a run).
local setting_sets = {}
local function setting_list(name)
  local set = setting_sets[name]
  if set == nil then
    set = {}
    for _, w in each(ruleset.setting(name)) do set[fold(tostring(w))] = true end
    setting_sets[name] = set
  end
  return set
end

-- Word stems of an action with their weights (title words weigh more).
local sub, offset = string.sub, utf8.offset

-- spelled: the first whole word seen for each stem, to show in the message.
local function stems(a, stop, stem_len, title_weight, max_words, spelled)
  local out = {}
  local budget = max_words
  local function add(s, weight)
    if kind(s) ~= "text" then return end
    for w in fold(s):gmatch("[%a\128-\255]+") do
      budget = budget - 1
      if budget < 0 then return end   -- a text's first words say what it is about
      if #w >= 4 and not stop[w] then   -- bytes: a word of three letters with an å is kept, no matter
        local st = w
        if #w > stem_len then
          local cut = offset(w, stem_len + 1)
          if cut then st = sub(w, 1, cut - 1) end
        end
        out[st] = (out[st] or 0) + weight
        if spelled[st] == nil then spelled[st] = w end
      end
    end
  end
  add(a.title, title_weight)
  add(a.description, 1)
  return out
end

local function linked(a, b)
  local ida, idb = tostring(text(a, "id")), tostring(text(b, "id"))
  for _, x in each(a.links and a.links.actions) do if tostring(x) == idb then return true end end
  for _, x in each(b.links and b.links.actions) do if tostring(x) == ida then return true end end
  return false
end

local function max_actions()
  return math.tointeger(ruleset.setting("overlap_max_actions", 500)) or 500
end

rule {
  id = "action.overlap.not-checked",
  severity = "info",
  applies_to = "plan",
  message = {
    sv = "Planen har {count} insatser; nästan likadana insatser söks bara i planer med högst {max} (overlap_max_actions).",
    en = "The plan has {count} actions; near-duplicate actions are looked for only in plans of at most {max} (overlap_max_actions).",
  },
  remediation = {
    sv = "Dela upp planen, eller höj 'overlap_max_actions' i ruleset.yaml (jämförelsen växer med kvadraten på antalet insatser).",
    en = "Split the plan, or raise 'overlap_max_actions' in ruleset.yaml (the comparison grows with the square of the number of actions).",
  },
  source = "house policy (a bound on the cost of action.overlap; nothing is skipped silently)",
  check = function(plan)
    local n = 0
    for _ in each(plan.actions) do n = n + 1 end
    if n > max_actions() then report(plan, "actions", {count = n, max = max_actions()}) end
  end,
}

rule {
  id = "action.overlap",
  severity = "info",
  applies_to = "plan",
  message = {
    sv = "Insatserna {ids} säger nästan samma sak ({words}) utan att länka till varandra. Slå ihop dem, eller länka dem och skriv vad som skiljer.",
    en = "Actions {ids} say nearly the same thing ({words}) without linking to each other. Merge them, or link them and say what differs.",
  },
  remediation = {
    sv = "Slå ihop insatserna, eller ange 'links: {actions: [...]}' och vad som skiljer dem.",
    en = "Merge the actions, or add 'links: {actions: [...]}' and say what sets them apart.",
  },
  source = "house policy (seed line 204: the plan's 30 actions; overlaps make follow-up in UR2/UR4 count the same work twice)",
  check = function(plan)
    local threshold = tonumber(ruleset.setting("overlap_threshold", 0.26)) or 0.26
    local stem_len = math.tointeger(ruleset.setting("overlap_stem", 5)) or 5
    local title_weight = tonumber(ruleset.setting("overlap_title_weight", 2)) or 2
    local stop = setting_list("overlap_stopwords")
    local max_words = math.tointeger(ruleset.setting("overlap_max_words", 400)) or 400
    local n = 0
    for _ in each(plan.actions) do n = n + 1 end
    if n < 2 or n > max_actions() then return end   -- action.overlap.not-checked says so
    local acts, vecs, df, spelled = {}, {}, {}, {}
    for _, a in each(plan.actions) do
      acts[#acts + 1] = a
      local v = stems(a, stop, stem_len, title_weight, max_words, spelled)
      vecs[#vecs + 1] = v
      for st in pairs(v) do df[st] = (df[st] or 0) + 1 end
    end
    -- In a plan of more than 100 actions, words in more than a tenth of them
    -- (at least 50) say little and would make the comparison quadratic: they
    -- are left out.
    local common = n <= 100 and n or math.max(50, n // 10)
    -- tf-idf, normalised, and an index from each word to its actions.
    local postings = {}
    for i, v in ipairs(vecs) do
      local norm = 0
      for st, c in pairs(v) do
        if df[st] > common then
          v[st] = nil
        else
          local x = c * math.log(n / df[st])
          v[st] = x
          norm = norm + x * x
        end
      end
      norm = math.sqrt(norm)
      for st, x in pairs(v) do
        v[st] = norm > 0 and x / norm or 0
        local list = postings[st]
        if list == nil then list = {}; postings[st] = list end
        list[#list + 1] = i
      end
    end
    -- Pairs above the threshold, joined into groups.
    local parent, shared = {}, {}
    local function find(i) while parent[i] ~= i do i = parent[i] end return i end
    for i = 1, n do parent[i] = i end
    for i = 1, n - 1 do
      local dots = {}
      for st, x in pairs(vecs[i]) do
        for _, j in ipairs(postings[st]) do
          if j > i then dots[j] = (dots[j] or 0) + x * vecs[j][st] end
        end
      end
      for j, dot in pairs(dots) do
        if dot >= threshold and not linked(acts[i], acts[j]) then
          local ri, rj = find(i), find(j)
          local root = math.min(ri, rj)
          if ri ~= rj then parent[math.max(ri, rj)] = root end
          if shared[i] == nil then   -- the words of an action's first match are enough to show
            local words = {}
            for st, x in pairs(vecs[i]) do
              local y = vecs[j][st]
              if y then words[#words + 1] = {st, x * y} end
            end
            table.sort(words, function(p, q) if p[2] ~= q[2] then return p[2] > q[2] end return p[1] < q[1] end)
            shared[i] = {}
            for k = 1, math.min(3, #words) do shared[i][words[k][1]] = true end
          end
        end
      end
    end
    local groups = {}
    for i = 1, n do
      local r = find(i)
      groups[r] = groups[r] or {}
      table.insert(groups[r], i)
    end
    for r = 1, n do
      local g = groups[r]
      if g and #g > 1 then
        local ids, words = {}, {}
        for _, i in ipairs(g) do ids[#ids + 1] = tostring(text(acts[i], "id")) end
        for _, i in ipairs(g) do
          for st in pairs(shared[i] or {}) do words[st] = true end
        end
        local wl = {}
        for st in pairs(words) do wl[#wl + 1] = spelled[st] or st end
        table.sort(wl)
        report(acts[g[1]], nil, {ids = table.concat(ids, ", "), words = table.concat(wl, ", ")})
      end
    end
  end,
}
