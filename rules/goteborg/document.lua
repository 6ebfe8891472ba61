-- Göteborgs Stad's own requirements of a governing document.

rule {
  id = "document.reference.format",
  severity = "error",
  source = "seed line 220 (\"Diarienummer: 1580/17\")",
  message = {
    sv = "Diarienumret '{value}' följer inte stadens format (t.ex. 1580/17).",
    en = "The reference number '{value}' does not follow the city's format (e.g. 1580/17).",
  },
  remediation = {
    sv = "Skriv diarienumret som löpnummer/årtal, t.ex. \"1580/17\", inom citattecken.",
    en = "Write the reference as number/year, e.g. \"1580/17\", in quotes.",
  },
  check = function(plan)
    local d = plan.document
    local ref = d and d.reference
    if ref ~= nil and not pattern.match("diarienummer", tostring(ref)) then
      report(d, "reference", {value = ref})
    end
  end,
}

rule {
  id = "document.implements.missing",
  severity = "warning",
  source = "seed line 222 (\"Koppling till andra styrande dokument\"); line 208",
  message = {
    sv = "En handlingsplan ska ange vilket program den genomför (implements).",
    en = "An action plan should name the programme it implements (implements).",
  },
  remediation = {
    sv = "Ange under 'document:' vilket program planen genomför, stavat som i registret, t.ex. 'implements: [\"Göteborgs Stads innovationsprogram 2018-2023\"]'.",
    en = "Under 'document:', name the programme the plan implements, spelt as in the registry, e.g. 'implements: [\"Göteborgs Stads innovationsprogram 2018-2023\"]'.",
  },
  check = function(plan)
    local d = plan.document
    if d == nil then return end
    for _ in each(d.implements) do return end
    report(d, "implements")
  end,
}

rule {
  id = "document.implements.unknown",
  severity = "warning",
  source = "seed line 222 (\"Koppling till andra styrande dokument: Göteborgs Stads innovationsprogram 2018-2023\")",
  message = {
    sv = "Planen genomför '{program}', som inte finns i registrets program{hint}.",
    en = "The plan implements '{program}', which is not among the registry's programmes{hint}.",
  },
  remediation = {
    sv = "Rätta programmets namn så att det stämmer med registret, eller lägg till programmet (eller ett alias) i registry.yaml.",
    en = "Correct the programme's name to match the registry, or add the programme (or an alias) to registry.yaml.",
  },
  check = function(plan)
    local d = plan.document
    if d == nil then return end
    for i, p in each(d.implements) do
      if registry.program(tostring(p)) == nil then
        local near = registry.suggest("program", tostring(p))
        local hint = did_you_mean(near)
        report(d.implements, i, {program = p, hint = hint})
      end
    end
  end,
}
