rule { id = "plan.own.stack", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) error("stack overflow") end }
rule { id = "plan.own.args", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) error("wrong number of arguments to 'owner'", 0) end }
rule { id = "plan.own.assert", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) assert(false, "table index is nil") end }
rule { id = "plan.lua.assert", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) assert(nil) end }
rule { id = "plan.lua.index", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local t; return t.x end }
rule { id = "plan.own.pcall-then-lua", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) pcall(error, "stack overflow"); local t; return t.y end }
