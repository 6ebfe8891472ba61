-- The number after the last dot of an action's id (gen_plan.awk's ids).
local function number(a)
  local id = text(a, "id") or ""
  return tonumber(id:match("%.(%d+)$")) or 0
end

rule {
  id = "action.crash.a",
  severity = "error",
  source = "house policy: a test ruleset (cli.parallel-same)",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    local n = number(a)
    if n == 5 or n > 3800 then return a.no_such_table.field end
  end,
}

rule {
  id = "action.crash.b",
  severity = "error",
  source = "house policy: a test ruleset (cli.parallel-same)",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    if number(a) > 2400 then return a.no_such_table.field end
  end,
}
