rule {
  id = "action.crash.late",
  severity = "error",
  source = "house policy (a test ruleset)",
  message = {sv = "aldrig", en = "never"},
  check = function(a)
    local n = tonumber((text(a, "id") or ""):match("%.(%d+)$"))
    if n and n > 3000 then   -- the last quarter of tests/bench/gen_plan.awk's 4000
      error("this rule fails on the plan's last actions")
    end
  end,
}
