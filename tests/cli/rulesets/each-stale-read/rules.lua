rule { id = "plan.stale.reads-title", severity = "info", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) local t = plan.document and plan.document.title end }
rule { id = "plan.stale.each-literal", severity = "info", message = {sv = "x", en = "x"}, source = "tests only",
  check = function(plan) for _ in each("Handlingsplan för test") do end end }
