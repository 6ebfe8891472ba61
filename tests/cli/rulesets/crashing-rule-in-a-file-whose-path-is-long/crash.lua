-- A crash in a rule file with a long path (golden validate-crash-long-path).
rule {
  id = "action.crash.long-path",
  severity = "error",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    return a.timeline.start.year   -- a year (2018) has no fields
  end,
}
