-- Each rule tries to change the plan through a function of the table
-- library; each must be stopped and reported with this file and line.
-- z-check.lua then checks that the plan is unchanged.
rule {
  id = "action.hostile.table-insert",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) table.insert(a.financing, {source = "Hacked"}) end,
}
rule {
  id = "action.hostile.table-remove",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) table.remove(a.financing, 1) end,
}
rule {
  id = "action.hostile.table-move",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) table.move({"Hacked"}, 1, 1, 1, a.financing) end,
}
rule {
  id = "action.hostile.table-sort",
  severity = "error", message = {sv = "x", en = "x"},
  check = function(a) table.sort(a, function(x, y) return x == nil end) end,
}
