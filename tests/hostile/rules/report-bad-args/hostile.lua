rule {
  id = "action.hostile.report-nil", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) report(nil) end,
}
rule {
  id = "action.hostile.report-table-key", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) report(a, {}) end,
}
rule {
  id = "action.hostile.report-text-args", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) report(a, "owner", "not a table") end,
}
rule {
  id = "action.hostile.report-fake-view", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) report(setmetatable({}, getmetatable(a) and {} or {}), "owner") end,
}
rule {
  id = "action.hostile.report-fraction", severity = "error", message = {sv = "x", en = "x"},
  check = function(a) report(a.financing, 1.5) end,
}
rule {
  id = "action.hostile.report-tostring-error", severity = "error", message = {sv = "{x}", en = "{x}"},
  check = function(a) report(a, "owner", {x = setmetatable({}, {__tostring = function() error("no string for you") end})}) end,
}
rule {
  id = "action.hostile.report-tostring-loop", severity = "error", message = {sv = "{x}", en = "{x}"},
  check = function(a) report(a, "owner", {x = setmetatable({}, {__tostring = function() while true do end end})}) end,
}
rule {
  id = "action.hostile.report-tostring-not-string", severity = "error", message = {sv = "{x}", en = "{x}"},
  check = function(a) report(a, "owner", {x = setmetatable({}, {__tostring = function() return {} end})}) end,
}

-- The canary: declared after the hostile rule, it proves the rules after it
-- still run (one info finding per action, which does not change the exit code).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
