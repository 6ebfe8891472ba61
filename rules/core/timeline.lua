-- Every action has a timeline with valid dates, in order, inside the plan period.

rule {
  id = "action.timeline.missing",
  severity = "error",
  source = "seed line 224 (Tidplan column of the action table; \"för perioden 2018-2019\")",
  message = {
    sv = "Insats {action} saknar egen tidplan (timeline med start och end){period}.",
    en = "Action {action} has no timeline of its own (timeline with start and end){period}.",
  },
  remediation = {
    sv = "Ange när insatsen startar och slutar, t.ex. 'timeline: {start: 2018-01, end: 2019-12}'.",
    en = "Give when the action starts and ends, e.g. 'timeline: {start: 2018-01, end: 2019-12}'.",
  },
  check = function(a)
    local t = a.timeline
    if t == nil then
      local from, to = plan_period()
      local period = ""
      if from ~= nil then
        period = (lang() == "en" and "; only the plan period " or "; bara planperioden ")
                 .. date.format(from):sub(1, 4) .. "–" .. date.format(to):sub(1, 4) .. (lang() == "en" and " applies" or " gäller")
      end
      return report(a, "timeline", {period = period})
    end
    if t.start == nil then report(t, "start", {period = ""}) end
    if t["end"] == nil then report(t, "end", {period = ""}) end
  end,
}

rule {
  id = "action.timeline.invalid-date",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action}: ogiltigt datum '{value}' i tidplanens {field}: {reason}.",
    en = "Action {action}: invalid date '{value}' in the timeline's {field}: {reason}.",
  },
  remediation = {
    sv = "Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD och kontrollera att dagen finns, t.ex. 'timeline: {start: 2018-01, end: 2019-12}'.",
    en = "Write the date as YYYY, YYYY-MM or YYYY-MM-DD and check that the day exists, e.g. 'timeline: {start: 2018-01, end: 2019-12}'.",
  },
  check = function(a)
    local t = a.timeline
    if t == nil then return end
    for _, f in ipairs({{"start", "start"}, {"end", "end"}}) do
      local v = t[f[1]]
      if v ~= nil then
        local day, why = date.parse(v, f[2])
        if day == nil then report(t, f[1], {value = v, field = f[1], reason = why}) end
      end
    end
  end,
}

rule {
  id = "action.timeline.order",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Insats {action} slutar ({stop}) innan den börjar ({start}).",
    en = "Action {action} ends ({stop}) before it starts ({start}).",
  },
  remediation = {
    sv = "Rätta tidplanen så att 'start' ligger före 'end', t.ex. 'timeline: {start: 2018-01, end: 2019-12}'.",
    en = "Correct the timeline so that 'start' comes before 'end', e.g. 'timeline: {start: 2018-01, end: 2019-12}'.",
  },
  check = function(a)
    local t = a.timeline
    if t == nil then return end
    local s, e = date.parse(t.start, "start"), date.parse(t["end"], "end")
    if s and e and s > e then report(t, "end", {start = date.format(s), stop = date.format(e)}) end
  end,
}

rule {
  id = "action.timeline.outside-period",
  severity = "error",
  source = "seed line 224 (\"aktiviteter ... för perioden 2018-2019\")",
  message = {
    sv = "Insats {action}: tidplanens {field} ({value}) ligger utanför planperioden {from}–{to}.",
    en = "Action {action}: the timeline's {field} ({value}) lies outside the plan period {from}–{to}.",
  },
  remediation = {
    sv = "Justera insatsens tidplan så att den ryms inom planperioden, eller ändra 'period:' om hela planen ska gälla längre.",
    en = "Adjust the action's timeline to fit within the plan period, or change 'period:' if the whole plan is to run longer.",
  },
  check = function(a)
    local t = a.timeline
    local from, to = plan_period()
    if t == nil or from == nil then return end
    local s, e = date.parse(t.start, "start"), date.parse(t["end"], "end")
    local args = {from = date.format(from), to = date.format(to)}
    if s and (s < from or s > to) then
      args.field, args.value = "start", date.format(s)
      report(t, "start", args)
    end
    if e and (e > to or e < from) then
      args.field, args.value = "end", date.format(e)
      report(t, "end", args)
    end
  end,
}
