-- Rules for the plan's structure: ids of strategies and actions, and how
-- actions hang on strategies.

local function id_text(node)
  return text(node, "id")
end

rule {
  id = "strategy.id.missing",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {sv = "Strategin saknar id.", en = "The strategy has no id."},
  remediation = {
    sv = "Ge strategin ett id som insatserna kan hänvisa till, t.ex. 'id: \"1\"'.",
    en = "Give the strategy an id the actions can refer to, e.g. 'id: \"1\"'.",
  },
  check = function(s)
    if id_text(s) == nil then report(s, "id") end
  end,
}

rule {
  id = "strategy.id.duplicate",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Strategi-id '{id}' finns redan (rad {first}).",
    en = "Strategy id '{id}' is used twice (first on line {first}).",
  },
  remediation = {
    sv = "Ge strategin ett eget id, eller slå ihop de två strategierna; ändra då också 'strategy:' i de insatser som hör till den.",
    en = "Give the strategy an id of its own, or merge the two strategies; then also change 'strategy:' in the actions that belong to it.",
  },
  check = function(s)
    local id = id_text(s)
    local first = id and find_strategy(id)
    if first ~= nil and first ~= s then report(s, "id", {id = id:match("^%s*(.-)%s*$"), first = line(first)}) end
  end,
}

rule {
  id = "strategy.empty",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Strategi {id} har inga insatser.",
    en = "Strategy {id} has no actions.",
  },
  remediation = {
    sv = "Koppla minst en insats till strategin med 'strategy:', t.ex. 'strategy: \"2\"', eller ta bort strategin om inget görs inom den under planperioden.",
    en = "Link at least one action to the strategy with 'strategy:', e.g. 'strategy: \"2\"', or remove the strategy if nothing is done under it in the plan period.",
  },
  check = function(s, plan)
    local id = id_text(s)
    if id == nil then return end
    -- A lookup in the engine's count (one pass over the actions for the
    -- whole plan), not a scan of every action for every strategy, which
    -- was quadratic: 4,000 strategies x 4,000 actions took 45 s.
    if actions_of_strategy(id) > 0 then return end
    report(s, "id", {id = id})
  end,
}

rule {
  id = "action.id.missing",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {sv = "En insats saknar id.", en = "An action has no id."},
  remediation = {
    sv = "Ge insatsen ett unikt id inom citattecken, t.ex. 'id: \"2.3\"'.",
    en = "Give the action a unique id in quotes, e.g. 'id: \"2.3\"'.",
  },
  check = function(a)
    if id_text(a) == nil then report(a, "id") end
  end,
}

rule {
  id = "action.id.duplicate",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats-id '{id}' finns redan (rad {first}); id:n måste vara unika.",
    en = "Action id '{id}' is used twice (first on line {first}); ids must be unique.",
  },
  remediation = {
    sv = "Ge insatsen ett eget id, t.ex. nästa lediga nummer under strategin, och uppdatera hänvisningar till den.",
    en = "Give the action an id of its own, e.g. the next free number under its strategy, and update any references to it.",
  },
  check = function(a)
    local id = id_text(a)
    local first = id and find_action(id)
    if first ~= nil and first ~= a then report(a, "id", {id = id:match("^%s*(.-)%s*$"), first = line(first)}) end
  end,
}

rule {
  id = "action.title.missing",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {sv = "Insats {action} saknar rubrik (title).", en = "Action {action} has no title."},
  remediation = {
    sv = "Ange en kort rubrik som säger vad insatsen går ut på, t.ex. 'title: Utveckla en modell för prioritering av innovationsområden'.",
    en = "Add a short title saying what the action is about, e.g. 'title: Develop a model for prioritising innovation areas'.",
  },
  check = function(a)
    if a.title == nil then report(a, "title") end
  end,
}

rule {
  id = "action.strategy.missing",
  severity = "error",
  source = "seed line 224 (the actions are presented under the programme's five strategies)",
  message = {
    sv = "Insats {action} anger inte vilken strategi den hör till (strategy).",
    en = "Action {action} does not say which strategy it belongs to (strategy).",
  },
  remediation = {
    sv = "Ange id:t för den strategi insatsen hör till, t.ex. 'strategy: \"2\"'.",
    en = "Give the id of the strategy the action belongs to, e.g. 'strategy: \"2\"'.",
  },
  check = function(a)
    if a.strategy == nil then report(a, "strategy") end
  end,
}

rule {
  id = "action.strategy.unknown",
  severity = "error",
  source = "seed line 224 (the actions are presented under the programme's five strategies)",
  message = {
    sv = "Insats {action} hör till strategi '{strategy}', som inte finns i planen{hint}.",
    en = "Action {action} belongs to strategy '{strategy}', which the plan does not have{hint}.",
  },
  remediation = {
    sv = "Rätta 'strategy:' till id:t för en av strategierna under 'strategies:', eller lägg till strategin där.",
    en = "Change 'strategy:' to the id of one of the strategies under 'strategies:', or add the strategy there.",
  },
  check = function(a, plan)
    local sid = text(a, "strategy")
    if sid == nil or find_strategy(sid) ~= nil then return end
    -- In C over the plan's strategies: building the list here for every
    -- such action was quadratic (4,000 x 4,000: 55 s).
    local near = nearest_strategy(sid)
    report(a, "strategy", {strategy = sid, hint = did_you_mean(near)})
  end,
}
