-- Each rule tries one way of changing the plan; each must be stopped and
-- reported. z-check.lua then checks that the plan is unchanged.
rule {
  id = "action.hostile.assign",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) a.owner = "Hacked" end,
}
rule {
  id = "action.hostile.rawset",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) rawset(a, "owner", "Hacked") end,
}
rule {
  id = "action.hostile.setmetatable",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) setmetatable(a, {__index = function() return "Hacked" end}) end,
}
rule {
  id = "action.hostile.metatable-edit",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) local mt = getmetatable(a); mt.__index = function() return "Hacked" end end,
}
rule {
  id = "action.hostile.nested-assign",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) a.timeline.start = "1900" end,
}
