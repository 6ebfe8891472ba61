rule {
  id = "action.hostile.edit-api-tables",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    local e = registry.owner("Kommunstyrelsen")
    if type(e) == "table" then
      for k in pairs(e) do e[k] = nil end
      e.name = "Hacked"
    end
    local types = ruleset.setting("document_types", {})
    if type(types) == "table" then for i = #types, 1, -1 do types[i] = nil end end
    local names = registry.names("owner")
    if type(names) == "table" then for i = #names, 1, -1 do names[i] = nil end end
    local ids = ruleset.rule_ids()
    if type(ids) == "table" then for i = #ids, 1, -1 do ids[i] = nil end end
    pattern.match = function() return true end     -- this file's copy only
  end,
}
