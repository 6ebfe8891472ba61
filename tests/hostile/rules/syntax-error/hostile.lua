rule {
  id = "action.hostile.syntax-error",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    if a.owner == nil then
      report(a, "owner"
    end
  end,
}
