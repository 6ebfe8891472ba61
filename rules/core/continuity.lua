-- Continuity between plans: a plan lives two years and has a successor (the
-- seed, lines 208 and 224: "en uppdaterad handlingsplan 2019-2020"). An
-- action that continues one of the earlier plan says so with
-- `previous: "2018-2019:4.3"` (the earlier plan's period or id, a colon, the
-- action's id). With `styr validate NEW.yaml --previous OLD.yaml` (OLD may be
-- a follow-up of the earlier plan, whose statuses say what was done) these
-- rules check the links and name what is left behind.

local function trim(s)
  return (tostring(s):gsub("^%s+", ""):gsub("%s+$", ""))
end

-- "2018-2019:4.3" -> "2018-2019", "4.3"; nil when it has no colon.
local function split(ref)
  local plan, id = trim(ref):match("^(.-)%s*:%s*(.+)$")
  return plan, id
end

local status_words = {
  sv = {["on-track"] = "enligt plan", delayed = "försenad", ["not-started"] = "ej påbörjad", cancelled = "avbruten"},
  en = {["on-track"] = "on track", delayed = "delayed", ["not-started"] = "not started", cancelled = "cancelled"},
}

local function names_previous(plan)
  for _, n in ipairs(previous.names()) do
    if fold(n) == fold(plan) then return true end
  end
  return false
end

local function find_previous(id)
  local old = previous.plan()
  for _, a in each(old and old.actions) do
    if a.id ~= nil and trim(text(a, "id")) == id then return a end
  end
  return nil
end

rule {
  id = "action.previous.unknown",
  source = "FORMATS.md section 8 (previous: the action of an earlier plan this one continues)",
  severity = "error",
  message = {
    sv = "Insats {action}: 'previous: {value}' {reason}.",
    en = "Action {action}: 'previous: {value}' {reason}.",
  },
  description = "An action that continues one of an earlier plan names it, and it must exist there (house policy; FORMATS.md section 8, previous).",
  remediation = {
    sv = "Skriv 'previous:' som föregående plans period eller id, kolon och insatsens id, t.ex. \"2018-2019:4.3\", och kontrollera id:t mot den planen.",
    en = "Write 'previous:' as the earlier plan's period or id, a colon and the action's id, e.g. \"2018-2019:4.3\", and check the id against that plan.",
  },
  check = function(a)
    if a.previous == nil then return end
    local value = text(a, "previous")
    local plan, id = split(value)
    local sv = lang() == "sv"
    if plan == nil or plan == "" then
      return report(a, "previous", {value = value, reason = sv
        and "ska skrivas PLAN:INSATS, t.ex. \"2018-2019:4.3\""
        or "must be written PLAN:ACTION, e.g. \"2018-2019:4.3\""})
    end
    if not previous.loaded() then return end   -- nothing to check it against
    local names = table.concat(previous.names(), ", ")
    if not names_previous(plan) then
      return report(a, "previous", {value = value, reason = sv
        and ("namnger en annan plan än den föregående (" .. names .. ")")
        or ("names another plan than the previous one (" .. names .. ")")})
    end
    if find_previous(id) == nil then
      local ids = {}
      local old = previous.plan()
      for _, o in each(old.actions) do
        if o.id ~= nil then ids[#ids + 1] = trim(text(o, "id")) end
      end
      report(a, "previous", {value = value, reason = (sv
        and ("namnger ingen insats i " .. plan)
        or ("names no action of " .. plan)) .. did_you_mean(nearest(id, ids))})
    end
  end,
}

rule {
  id = "plan.previous.not-continued",
  source = "the seed, line 224: the plan is revised in autumn 2018 and followed by the next plan; house policy: an unfinished action is either carried over or said to be dropped",
  severity = "info",
  message = {
    sv = "Insats {old} i {period} {state} och förs inte vidare till denna plan: {title}",
    en = "Action {old} of {period} {state} and is not carried over into this plan: {title}",
  },
  description = "What the earlier plan left unfinished is either carried over or dropped on purpose (seed line 224: large deviations go to Kommunstyrelsen).",
  remediation = {
    sv = "Lägg till en insats med 'previous:' som för den vidare, eller beskriv i planen varför den avslutas.",
    en = "Add an action with 'previous:' that carries it over, or say in the plan why it ends.",
  },
  check = function(plan)
    if not previous.loaded() then return end
    local old = previous.plan()
    local carried = {}
    for _, a in each(plan.actions) do
      if a.previous ~= nil then
        local p, id = split(text(a, "previous"))
        if p and names_previous(p) then carried[id] = true end
      end
    end
    local sv = lang() == "sv"
    -- an earlier plan with neither period nor id is named as what it is
    local period = previous.names()[1] or (sv and "föregående plan" or "the previous plan")
    for _, o in each(old.actions) do
      if o.id ~= nil then
        local id = trim(text(o, "id"))
        local status = previous.status(id)
        if status ~= "done" and not carried[id] then
          local state
          if status == nil then
            state = sv and "är inte markerad som klar" or "is not marked done"
          else
            local w = status_words[lang()][status] or status
            state = sv and ("är inte klar (" .. w .. ")") or ("was not finished (" .. w .. ")")
          end
          report(plan, "actions", {old = id, period = period, state = state, title = o.title or ""})
        end
      end
    end
  end,
}
