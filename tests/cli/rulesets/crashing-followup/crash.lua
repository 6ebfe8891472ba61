rule { id = "followup.crash.nil-index", severity = "info", source = "house policy (a test ruleset)", message = "m",
  check = function(s) return s.no_such_field.at_all end }
