-- Runs after a-edit.lua: what the API returns must be untouched.
rule {
  id = "action.hostile.api-tables-changed",
  severity = "error",
  message = {sv = "API-tabellen ändrades: {what}", en = "an API table was changed: {what}"},
  check = function(a)
    local e = registry.owner("Kommunstyrelsen")
    if e == nil or (type(e) == "table" and e.name == "Hacked") then report(a, nil, {what = "registry.owner"}) end
    local types = ruleset.setting("document_types", {})
    if type(types) == "table" and #types == 0 then report(a, nil, {what = "ruleset.setting"}) end
    if #registry.names("owner") == 0 then report(a, nil, {what = "registry.names"}) end
    if #ruleset.rule_ids() == 0 then report(a, nil, {what = "ruleset.rule_ids"}) end
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
