-- Indicators (FORMATS.md section 8): how an action is followed up. Without
-- them the city's follow-up (UR2, UR4) can report only that work was done,
-- not what it achieved.

rule {
  id = "action.indicators.missing",
  severity = "info",
  applies_to = "plan",
  message = {
    sv = "{count} av {total} insatser saknar indikatorer ({ids}); uppföljningen i UR2/UR4 kan då bara redovisa aktivitet, inte effekt.",
    en = "{count} of {total} actions have no indicators ({ids}); follow-up in UR2/UR4 can then report only activity, not effect.",
  },
  remediation = {
    sv = "Ange 'indicators:' med namn, enhet, utgångsvärde och mål, t.ex. '- {name: Antal genomförda utbildningar, unit: st, baseline: 0, target: 12, year: 2019}'.",
    en = "Give 'indicators:' with name, unit, baseline and target, e.g. '- {name: Trainings held, unit: st, baseline: 0, target: 12, year: 2019}'.",
  },
  source = "seed line 224 (uppföljning i UR2 och UR4); line 232 (4.1: \"en mätmodell med indikatorer\")",
  check = function(plan)
    -- Only the first eight ids are kept, each cut to 40 characters: the
    -- message stays short however many actions, and however long their ids.
    local shown, count, total = {}, 0, 0
    for _, a in each(plan.actions) do
      total = total + 1
      local any = false
      for _ in each(a.indicators) do any = true break end
      if not any then
        count = count + 1
        if count <= 8 then
          local id = tostring(text(a, "id") or "?")
          local cut = utf8.offset(id, 41)   -- a whole number of characters
          if cut and cut <= #id then id = id:sub(1, cut - 1) .. "…" end
          shown[#shown + 1] = id
        end
      end
    end
    if count == 0 then return end
    if count > 8 then shown[#shown + 1] = "…" end
    report(plan, "actions", {count = count, total = total, ids = table.concat(shown, ", ")})
  end,
}
