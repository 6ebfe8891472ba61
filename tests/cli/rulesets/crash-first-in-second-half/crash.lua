-- The only rule, so the first of the ruleset: crashes on the actions past
-- 1500 only, on two cores in the helper's half (golden
-- validate-threads-helper-first-rule).
rule {
  id = "action.crash.late",
  severity = "error",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    if (tonumber(text(a, "id")) or 0) > 1500 then return a.timeline.start end
  end,
}
