-- The crash happens in a helper the check calls: the report names the
-- helper's line (5), where it happened, not the check's (golden
-- validate-crash-nested).
local function start_year(a)
  return a.timeline.start.year   -- a year (2018) has no fields
end

rule {
  id = "action.crash.nested",
  severity = "error",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    return start_year(a)
  end,
}
