-- Rules for the plan as a whole: format version, period, follow-up, and the
-- presence of strategies and actions.

rule {
  id = "plan.version.unsupported",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Formatversion {value} stöds inte; styr läser 'version: 1'.",
    en = "Format version {value} is not supported; styr reads 'version: 1'.",
  },
  remediation = {
    sv = "Skriv 'version: 1' överst i filen, under 'kind: action-plan'.",
    en = "Write 'version: 1' at the top of the file, below 'kind: action-plan'.",
  },
  check = function(plan)
    local v = plan.version
    if v == nil then
      report(plan, "version", {value = lang() == "en" and "(missing)" or "(saknas)"})
    elseif v ~= 1 then
      report(plan, "version", {value = v})
    end
  end,
}

rule {
  id = "plan.period.missing",
  severity = "error",
  source = "seed line 208 (planeringsdokument är tidsbegränsade)",
  message = {
    sv = "Planen saknar planperiod ('period: {from: ÅÅÅÅ, to: ÅÅÅÅ}').",
    en = "The plan has no plan period ('period: {from: YYYY, to: YYYY}').",
  },
  remediation = {
    sv = "Ange planperiodens första och sista år, t.ex. 'period: {from: 2018, to: 2019}'.",
    en = "Give the plan period's first and last year, e.g. 'period: {from: 2018, to: 2019}'.",
  },
  check = function(plan)
    local p = plan.period
    if p == nil or p.from == nil or p.to == nil then
      report(p or plan, p and (p.from == nil and "from" or "to") or "period")
    end
  end,
}

rule {
  id = "plan.period.invalid",
  severity = "error",
  source = "FORMATS.md (the file format)",
  message = {
    sv = "Planperioden är inte giltig: {reason}.",
    en = "The plan period is not valid: {reason}.",
  },
  remediation = {
    sv = "Rätta 'period:' så att den har giltiga datum, och börjar innan den slutar, t.ex. 'period: {from: 2018, to: 2019}'.",
    en = "Correct 'period:' so that it has valid dates, and starts before it ends, e.g. 'period: {from: 2018, to: 2019}'.",
  },
  check = function(plan)
    local p = plan.period
    if p == nil or p.from == nil or p.to == nil then return end
    local from, why1 = date.parse(p.from, "start")
    local to, why2 = date.parse(p.to, "end")
    if from == nil then return report(p, "from", {reason = tostring(p.from) .. ": " .. why1}) end
    if to == nil then return report(p, "to", {reason = tostring(p.to) .. ": " .. why2}) end
    if from > to then
      report(p, "to", {reason = (lang() == "en" and "it ends before it starts (" or "den slutar innan den börjar (")
                                 .. date.format(to) .. " < " .. date.format(from) .. ")"})
    end
  end,
}

rule {
  id = "plan.period.too-long",
  severity = "info",
  message = {
    sv = "Planperioden är längre än tio år ({from}–{to}).",
    en = "The plan period is longer than ten years ({from}–{to}).",
  },
  remediation = {
    sv = "En handlingsplan brukar gälla några år; dela upp den, eller förklara varför den behöver vara så lång.",
    en = "An action plan usually covers a few years; split it, or explain why it must be so long.",
  },
  source = "house policy (the city's riktlinje sets no limit; seed line 208: planning documents are time-bound)",
  check = function(plan)
    local from, to = plan_period()
    if from ~= nil and to - from > 366 * 10 then
      report(plan.period, "to", {from = date.format(from):sub(1, 4), to = date.format(to):sub(1, 4)})
    end
  end,
}

rule {
  id = "plan.period.outside-validity",
  severity = "warning",
  source = "seed line 220 (Giltighetstid)",
  message = {
    sv = "Planperioden ({from}–{to}) ligger utanför dokumentets giltighetstid ({valid_from}–{valid_until}).",
    en = "The plan period ({from}–{to}) lies outside the document's validity ({valid_from}–{valid_until}).",
  },
  remediation = {
    sv = "Justera 'period:' så att planperioden ryms inom giltighetstiden ('valid_from:' till 'valid_until:' under 'document:'), eller ändra giltighetstiden om beslutet medger det.",
    en = "Adjust 'period:' to fit within the validity ('valid_from:' to 'valid_until:' under 'document:'), or change the validity if the decision allows it.",
  },
  check = function(plan)
    local from, to = plan_period()
    local d = plan.document
    if from == nil or d == nil then return end
    local vf = date.parse(d.valid_from, "start")
    local vu = date.parse(d.valid_until, "end")
    if vf and vu and vf <= vu and (from < vf or to > vu) then
      report(plan, "period", {from = date.format(from), to = date.format(to),
                              valid_from = date.format(vf), valid_until = date.format(vu)})
    end
  end,
}

rule {
  id = "plan.follow-up.missing",
  severity = "warning",
  source = "seed line 224 (\"Uppföljning av denna plan\"); Göteborgs Stads riktlinje för styrande dokument (KF 2017-01-26 §20, dnr 0521/15; seed lines 208, 220)",
  message = {
    sv = "Planen säger inte hur den följs upp ('follow_up:' med rapporter och vart avvikelser lyfts).",
    en = "The plan does not say how it is followed up ('follow_up:' with reports and where deviations go).",
  },
  remediation = {
    sv = "Lägg till 'follow_up:' med uppföljningsrapporterna och vart avvikelser lyfts, t.ex. 'follow_up: {reports: [UR2, UR4], escalate_to: Kommunstyrelsen}'.",
    en = "Add 'follow_up:' with the follow-up reports and where deviations are raised, e.g. 'follow_up: {reports: [UR2, UR4], escalate_to: Kommunstyrelsen}'.",
  },
  check = function(plan)
    if plan.follow_up == nil then report(plan, "follow_up") end
  end,
}

rule {
  id = "plan.strategies.missing",
  severity = "error",
  source = "seed line 210 (the programme's five strategies carry the actions)",
  message = {sv = "Planen har inga strategier ('strategies:').", en = "The plan has no strategies ('strategies:')."},
  remediation = {
    sv = "Lägg till 'strategies:' med planens strategier, var och en med id och rubrik, t.ex. '- {id: \"1\", title: Fokusera innovationskraften}'.",
    en = "Add 'strategies:' listing the plan's strategies, each with an id and a title, e.g. '- {id: \"1\", title: Fokusera innovationskraften}'.",
  },
  check = function(plan)
    local s = plan.strategies
    if s == nil or #s == 0 then report(plan, "strategies") end
  end,
}

rule {
  id = "plan.actions.missing",
  severity = "error",
  source = "seed line 208 (a plan settles the implementation: its actions)",
  message = {sv = "Planen har inga insatser ('actions:').", en = "The plan has no actions ('actions:')."},
  remediation = {
    sv = "Lägg till 'actions:' med planens insatser, var och en med 'id', 'strategy', 'title', 'owner', 'timeline' och 'financing'.",
    en = "Add 'actions:' listing the plan's actions, each with 'id', 'strategy', 'title', 'owner', 'timeline' and 'financing'.",
  },
  check = function(plan)
    local a = plan.actions
    if a == nil or #a == 0 then report(plan, "actions") end
  end,
}
