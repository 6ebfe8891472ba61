rule {
  id = "action.key-figures.counted",
  severity = "info",
  source = "tests only",
  message = {sv = "Insats {id}: {n} nyckeltal.", en = "Action {id}: {n} key figures."},
  check = function(a)
    local figures = a.key_figures
    local first, past = nil, nil
    if a.financing ~= nil then first, past = a.financing[1], a.financing[99] end
    local n = 0
    for _ in each(figures) do n = n + 1 end
    report(a, "id", {id = a.id, n = n})
  end,
}
