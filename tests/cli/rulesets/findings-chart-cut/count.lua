rule {
  id = "action.chart.mark",
  severity = "info",
  source = "tests only",
  message = {sv = "Insats {id} markerad.", en = "Action {id} marked."},
  check = function(a)
    local id = text(a, "id") or "?"
    report(a, "id", {id = id})
    if id:sub(1, 1) == "a" then report(a, "title", {id = id}) end
  end,
}
