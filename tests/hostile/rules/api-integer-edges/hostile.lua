-- The iterator of each() ends for any control value past the list; a group
-- number outside the pattern's is an argument error at the rule's line.
rule {
  id = "action.hostile.each-edges",
  severity = "info",
  message = {sv = "{r}", en = "each edges: {r}"},
  check = function(a)
    local f, s = each(a.financing)
    local r = {}
    for _, c in ipairs({math.maxinteger, math.mininteger, -1, 1 << 40}) do r[#r + 1] = tostring(f(s, c)) end
    report(a, "id", {r = table.concat(r, " ")})
  end,
}
local function group(name, g)
  rule {
    id = "action.hostile.group-" .. name,
    severity = "error",
    message = {sv = "x", en = "x"},
    check = function(a) return pattern.find_all("word", "ett två", g) end,   -- line 19
  }
end
group("2pow32", 1 << 32)
group("2pow32-plus-1", (1 << 32) + 1)
group("minus-1", -1)
group("mininteger", math.mininteger)
rule {
  id = "action.hostile.group-1",
  severity = "info",
  message = {sv = "{w}", en = "group 1: {w}"},
  check = function(a) report(a, "id", {w = table.concat(pattern.find_all("word", "ett två", 1), ",")}) end,
}

rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
