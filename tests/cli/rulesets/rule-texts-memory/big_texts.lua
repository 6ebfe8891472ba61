-- Three rules whose descriptions are 3 MiB each: the copies the engine keeps
-- in C count toward --max-rule-memory, so 8 MiB stops the third, though Lua
-- itself can let each text go once the rule is made.
for k = 1, 3 do
  rule {
    id = "plan.big-text-" .. k,
    severity = "info",
    message = {sv = "Stor text.", en = "A big text."},
    description = string.rep("x", 3 * 1024 * 1024),
    source = "house policy (a test ruleset)",
    check = function(plan) end,
  }
  collectgarbage()
end
