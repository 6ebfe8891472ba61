rule {
  id = "plan.title.long-pattern",
  severity = "info",
  source = "a test ruleset",
  description = "Uses the long pattern.",
  message = {sv = "Titeln matchar.", en = "The title matches."},
  check = function(plan)
    if pattern.match("long", tostring(plan.title or "")) then report(plan, "title") end
  end,
}
