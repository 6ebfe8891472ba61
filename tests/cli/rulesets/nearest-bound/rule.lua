rule {
  id = "plan.nearest.bound",
  severity = "info",
  source = "house policy (a test ruleset)",
  message = {sv = "{n} kandidater: {got}", en = "{n} candidates: {got}"},
  check = function(plan)
    local short, long = {"abd", "xyz"}, {"abd"}
    for i = 1, 100000 do long[#long + 1] = "x" .. i end
    for _, list in ipairs({short, long}) do
      report(plan, nil, {n = #list, got = tostring(nearest("abc", list))})
    end
  end,
}
