-- Each rule formats a day number no YYYY-MM-DD can show: an argument error
-- at its line. The edges themselves format.
local function beyond(name, day)
  rule {
    id = "action.hostile.date-" .. name,
    severity = "error",
    message = {sv = "{d}", en = "{d}"},
    check = function(a) report(a, "id", {d = date.format(day)}) end,   -- line 8
  }
end
beyond("maxinteger", math.maxinteger)
beyond("mininteger", math.mininteger)
beyond("after-9999", 2932897)
beyond("before-0000", -719529)
rule {
  id = "action.hostile.date-edges",
  severity = "info",
  message = {sv = "{a} {b}", en = "edges {a} {b}"},
  check = function(a) report(a, "id", {a = date.format(-719528), b = date.format(2932896)}) end,
}

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
