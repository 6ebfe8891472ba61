-- Each rule calls the iterator of pairs(view) with something else; each
-- must crash alone, at its own line, and the canary must still run.
local function misuse(name, arg)
  rule {
    id = "action.hostile.pairs-" .. name,
    severity = "error",
    message = {sv = "x", en = "x"},
    check = function(a)
      local next_entry = pairs(a)
      next_entry(arg, nil)   -- line 10
    end,
  }
end
misuse("number", 5)
misuse("string", "owner")
misuse("table", {})
misuse("nil", nil)
rule {
  id = "action.hostile.pairs-light",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    local next_entry = pairs(a.financing or a)
    next_entry(math.maxinteger, 1)   -- line 23
  end,
}

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
