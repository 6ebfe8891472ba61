-- Two rules on one field, so that a fixture can name one rule and the text
-- of the other's message (golden rules-test-says-other-rule).
rule {
  id = "plan.title.short",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "Titeln har {n} tecken, färre än 3.", en = "The title has {n} characters, fewer than 3."},
  check = function(plan)
    local t = plan.title
    if t ~= nil and #tostring(t) < 3 then report(plan, "title", {n = #tostring(t)}) end
  end,
}

rule {
  id = "plan.title.lower",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "Titeln börjar inte med stor bokstav.", en = "The title does not start with a capital."},
  check = function(plan)
    local t = plan.title
    if t ~= nil and tostring(t):match("^%l") then report(plan, "title") end
  end,
}
