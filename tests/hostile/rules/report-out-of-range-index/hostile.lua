-- A position past the end of the list reports at the list itself. The path
-- must not wrap around to a negative or wrong position (and building it
-- must not overflow a C int: 0x80000000 - 1).
rule {
  id = "action.hostile.report-out-of-range-index",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    report(a.financing, 0x80000000)
    report(a.financing, math.maxinteger)
    report(a.financing, math.mininteger)
    report(a.financing, -1)
  end,
}
