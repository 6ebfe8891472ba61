-- Runs after a-mutate.lua: the plan must read as it is written.
rule {
  id = "action.hostile.changed",
  severity = "error",
  message = {sv = "planen har ändrats: {what}", en = "the plan was changed: {what}"},
  check = function(a)
    local id = text(a, "id")
    local want = {["1.1"] = {"Kommunstyrelsen", 1, "2018-01"}, ["2.1"] = {"BRG", 1, "2018"}}
    local w = want[id]
    if a.owner ~= w[1] then report(a, "owner", {what = "owner is " .. tostring(a.owner)}) end
    if #a.financing ~= w[2] then report(a, "financing", {what = "financing has " .. #a.financing .. " entries"}) end
    if text(a.timeline, "start") ~= w[3] then report(a, "timeline", {what = "timeline.start"}) end
    if getmetatable(a) ~= "read-only" then report(a, nil, {what = "metatable"}) end
  end,
}

-- The canary: declared after the hostile rule, it proves the rules after it
-- still run (one info finding per action, which does not change the exit code).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
