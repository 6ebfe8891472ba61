rule {
  id = "plan.lowest-code-points",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "{text}", en = "{text}"},
  check = function(plan)
    -- U+0080, U+0800 and U+10000, each the lowest of its length (kept), then
    -- U+0040 in two bytes, U+07FF in three and U+FFFD in four, each
    -- overlong (replaced)
    report(plan, nil, {text = "[\u{80}] [\u{800}] [\u{10000}] [\193\128] [\224\159\191] [\240\143\191\189]"})
  end,
}
