-- What an action's text says beyond its structured fields: programmes, budget
-- assignments and other actions it names without linking them, and actions
-- that say nearly the same thing as another (FORMATS.md section 8).

local sub, find, offset = string.sub, string.find, utf8.offset
local NONE = {}   -- an empty list to iterate, made once

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
local by_first, firsts   -- firsts: the first words in the order met
local function program_spellings()
  if by_first == nil then
    by_first, firsts = {}, {}
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
            if by_first[first] == nil then
              by_first[first] = {}
              table.insert(firsts, first)
            end
            table.insert(by_first[first], {program = p, text = f})
          end
        end
      end
    end
  end
  return by_first, firsts
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
    -- only where the text holds its first word (one search per distinct
    -- first word, not a look-up per word of the text).
    local index, first_words = program_spellings()
    for _, first in ipairs(first_words) do
      if find(folded, first, 1, true) then
        for _, c in ipairs(index[first]) do
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

-- A list setting as a set of folded words.
local function setting_list(name)
  local set = {}
  for _, w in each(ruleset.setting(name)) do set[fold(tostring(w))] = true end
  return set
end

-- How an action's words are compared (FORMATS.md section 8, action.overlap):
-- each word is folded and stop words are dropped. Swedish writes compounds
-- as one word, and cutting "organisationskultur" to its first letters keeps
-- only the modifier, so a compound is split where Swedish joins its parts
-- with an s after a derivational ending ("innovation-s-klimat",
-- "styrning-s-processer": overlap_compound_links), and its head is split off
-- where it is a word the plan uses on its own ("projekt-modell"). Each part
-- is reduced to its first overlap_stem letters, or to its group in
-- overlap_synonyms when it starts with a term of the group or its head is one
-- ("mätmodell", "medarbetar-enkäten"). Two actions are compared by the cosine
-- of their tf-idf vectors: a word few actions use weighs most.

-- The settings of the comparison, read at each check of a plan (once a
-- file), never kept: a fixture of `styr rules test` may set them for itself
-- alone (`# styr-test: settings {...}`), and the next fixture is judged by
-- the same rules.
local function settings()
  local s = {
    threshold = tonumber(ruleset.setting("overlap_threshold", 0.26)) or 0.26,
    stem_len = math.tointeger(ruleset.setting("overlap_stem", 5)) or 5,
    title_weight = tonumber(ruleset.setting("overlap_title_weight", 2)) or 2,
    max_words = math.tointeger(ruleset.setting("overlap_max_words", 400)) or 400,
    stop = setting_list("overlap_stopwords"),
    links = {}, link_class = "", heads = {}, by_start = {},
  }
  -- The links by length, and the class of their last letters: a link is
  -- looked for only where "<that letter>s" stands in a word.
  local last = {}
  for _, e in each(ruleset.setting("overlap_compound_links")) do
    local f = fold(tostring(e))
    if f:match("^%l+$") then   -- ASCII letters: a class of single bytes
      s.links[#f] = s.links[#f] or {}
      s.links[#f][f] = true
      last[sub(f, -1)] = true
    end
  end
  for c in pairs(last) do s.link_class = s.link_class .. c end
  s.link_pattern = s.link_class ~= "" and ("[" .. s.link_class .. "]s") or nil
  for _, group in each(ruleset.setting("overlap_synonyms")) do
    local key
    for _, t in each(group) do
      local f = fold(tostring(t))
      if f ~= "" then
        key = key or ("=" .. f)   -- "=": a group's key is never a stem of a word
        if #f >= 5 then   -- heads by their last four bytes
          local t = sub(f, -4)
          s.heads[t] = s.heads[t] or {}
          table.insert(s.heads[t], {f, key})
        end
        local start = sub(f, 1, 4)   -- terms by their first four bytes: one look-up a word
        s.by_start[start] = s.by_start[start] or {}
        table.insert(s.by_start[start], {f, key})
      end
    end
  end
  return s
end

-- The parts of a folded word: split after the earliest "<link ending>s"
-- where both sides keep at least four bytes ("ledningen" is not split, and
-- "organisationens" is one word: no part follows its s).
local function split_compound(w, s, out)
  local from = 5   -- the ending's last letter stands at byte 4 or later
  while true do
    local i = s.link_pattern and find(w, s.link_pattern, from)
    if i == nil or #w - (i + 1) < 4 then break end   -- i: the ending's last letter, i + 1: the s
    for len, set in pairs(s.links) do
      if i >= len and set[sub(w, i - len + 1, i)] then
        out[#out + 1] = sub(w, 1, i)
        return split_compound(sub(w, i + 2), s, out)
      end
    end
    from = i + 1
  end
  out[#out + 1] = w
  return out
end

-- The key a part of a word counts as (memo: parts recur, "innovation" in
-- many compounds); head: whether it ends the word.
local function part_key(p, s, memos, head)
  local memo = head and memos.heads or memos.parts
  local k = memo[p]
  if k then return k end
  for _, t in ipairs(s.by_start[sub(p, 1, 4)] or NONE) do
    if sub(p, 1, #t[1]) == t[1] then k = t[2]; break end
  end
  -- The head of a compound: a term of five bytes or more after four or
  -- more, then at most four bytes of inflection ("medarbetar-enkät-en").
  for e = 0, 4 do
    if k ~= nil or not head or #p - e < 9 then break end
    for _, t in ipairs(s.heads[sub(p, -e - 4, -e - 1)] or NONE) do
      local term = t[1]
      if #p - e - #term >= 4 and sub(p, -e - #term, -e - 1) == term then k = t[2]; break end
    end
  end
  if k == nil then
    if #p <= s.stem_len then
      k = p
    else
      local cut = offset(p, s.stem_len + 1)
      k = cut and sub(p, 1, cut - 1) or p
    end
  end
  memo[p] = k
  return k
end

-- The words of an action, folded, each with its weight (title words weigh
-- more): a list of word, weight, word, weight ...; and every word into vocab.
local function words_of(a, s, vocab)
  local out, budget = {}, s.max_words
  local function add(t, weight)
    if kind(t) ~= "text" then return end
    for w in fold(t):gmatch("[%a\128-\255]+") do
      budget = budget - 1
      if budget < 0 then return end   -- a text's first words say what it is about
      vocab[w] = true
      if #w >= 4 and not s.stop[w] then   -- bytes: a word of three letters with an å is kept, no matter
        out[#out + 1] = w
        out[#out + 1] = weight
      end
    end
  end
  add(a.title, s.title_weight)
  add(a.description, 1)
  return out
end

-- A part that ends in a word the plan uses on its own is split there too
-- ("projekt|modell"; "stadenöver|gripande" is not: "gripande" is no word of
-- the plan): the head of a Swedish compound says what the thing is. The
-- longest such head of five bytes or more is taken, after a modifier of four
-- or more ("mät|modell"). by_tail: the plan's words by their last four bytes.
local function split_head(p, by_tail, vocab, out)
  local lens = by_tail[sub(p, -4)]   -- the lengths of the plan's words with these last four bytes
  if lens then
    for len = #p - 4, 5, -1 do
      if lens[len] then
        local head = sub(p, -len)
        if vocab[head] then
          out[#out + 1] = sub(p, 1, #p - len)
          out[#out + 1] = head
          return
        end
      end
    end
  end
  out[#out + 1] = p
end

-- The keys a folded word counts as, each with the word to show: a list of
-- key, word, key, word ... (memo: the same word gives the same keys in
-- every action). Each part of a compound counts as a word of its own.
local function keys_of(w, s, vocab, by_tail, memo)
  local ks = memo.words[w]
  if ks then return ks end
  if #w < 9 then   -- too short for a compound (4 + s + 4)
    ks = {part_key(w, s, memo, false), w}
    memo.words[w] = ks
    return ks
  end
  local parts = split_compound(w, s, {})
  local last = parts[#parts]   -- the head of the compound may be a compound of a word the plan uses
  parts[#parts] = nil
  split_head(last, by_tail, vocab, parts)
  local kept = {}
  for _, p in ipairs(parts) do
    if #p >= 4 and not s.stop[p] then kept[#kept + 1] = p end   -- "staden|övergripande": the stop word goes
  end
  ks = {}
  for k, p in ipairs(kept) do
    local key = part_key(p, s, memo, k == #kept)
    ks[#ks + 1] = key
    -- shown: the part when the plan uses it as a word ("kommunikation"),
    -- else the whole word ("mätmodell", not "mät")
    ks[#ks + 1] = (#kept > 1 and sub(key, 1, 1) ~= "=" and vocab[p]) and p or w
  end
  memo.words[w] = ks
  return ks
end

-- The keys of an action with their weights.
-- spelled: the first word (or part of a compound) seen for each key, to
-- show in the message.
local function stems(words, s, vocab, by_tail, memo, spelled)
  local out = {}
  for i = 1, #words, 2 do
    local ks, weight = keys_of(words[i], s, vocab, by_tail, memo), words[i + 1]
    for k = 1, #ks, 2 do
      local key = ks[k]
      out[key] = (out[key] or 0) + weight
      if spelled[key] == nil then spelled[key] = ks[k + 1] end
    end
  end
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
    local set = settings()
    local n = 0
    for _ in each(plan.actions) do n = n + 1 end
    if n < 2 or n > max_actions() then return end   -- action.overlap.not-checked says so
    local acts, words, vocab = {}, {}, {}
    for _, a in each(plan.actions) do
      acts[#acts + 1] = a
      words[#words + 1] = words_of(a, set, vocab)
    end
    local by_tail = {}
    for w in pairs(vocab) do
      if #w >= 5 then
        local t = sub(w, -4)
        local lens = by_tail[t]
        if lens == nil then lens = {}; by_tail[t] = lens end
        lens[#w] = true
      end
    end
    local vecs, df, spelled, memo = {}, {}, {}, {words = {}, parts = {}, heads = {}}
    for i = 1, n do
      local v = stems(words[i], set, vocab, by_tail, memo, spelled)
      vecs[i] = v
      for st in pairs(v) do df[st] = (df[st] or 0) + 1 end
    end
    -- A word in every action weighs nothing (log 1); in a plan of more than
    -- 100 actions, words in more than a tenth of them (at least 50) say
    -- little and would make the comparison quadratic: both are left out.
    local common = n <= 100 and n - 1 or math.max(50, n // 10)
    -- tf-idf, normalised.
    for _, v in ipairs(vecs) do
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
      for st, x in pairs(v) do v[st] = norm > 0 and x / norm or 0 end
    end
    -- Pairs above the threshold, joined into groups.
    local parent, shared = {}, {}
    local function find(i) while parent[i] ~= i do i = parent[i] end return i end
    for i = 1, n do parent[i] = i end
    -- Each action against the earlier ones that share a word with it: the
    -- index from a word to its actions grows as the actions are read.
    local postings = {}
    for i = 1, n do
      local dots = {}
      for st, x in pairs(vecs[i]) do
        local list = postings[st]
        if list == nil then
          postings[st] = {i}
        else
          for _, j in ipairs(list) do dots[j] = (dots[j] or 0) + x * vecs[j][st] end
          list[#list + 1] = i
        end
      end
      for j, dot in pairs(dots) do
        if dot >= set.threshold and not linked(acts[j], acts[i]) then
          local ri, rj = find(i), find(j)
          local root = math.min(ri, rj)
          if ri ~= rj then parent[math.max(ri, rj)] = root end
          if shared[j] == nil then   -- the words of an action's first match are enough to show
            local words = {}
            for st, x in pairs(vecs[j]) do
              local y = vecs[i][st]
              if y then words[#words + 1] = {st, x * y} end
            end
            table.sort(words, function(p, q) if p[2] ~= q[2] then return p[2] > q[2] end return p[1] < q[1] end)
            shared[j] = {}
            for k = 1, math.min(3, #words) do shared[j][words[k][1]] = true end
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
