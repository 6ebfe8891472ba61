rule {
  id = "action.crash.nil-index",
  severity = "error",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    return a.timeline.start.year   -- a number has no fields
  end,
}
