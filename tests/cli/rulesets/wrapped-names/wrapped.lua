rule { id = "plan.wrapped.format", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local s = string.format("%d", "x") end }
rule { id = "plan.wrapped.upper", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local s = string.upper({}) end }
rule { id = "plan.wrapped.rep", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local s = string.rep("x", "many") end }
rule { id = "plan.wrapped.concat", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local s = table.concat({1, {}, 3}) end }
rule { id = "plan.wrapped.utf8", severity = "error", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local n = utf8.len({}) end }
