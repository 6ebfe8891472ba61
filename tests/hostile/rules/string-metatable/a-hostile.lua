rule {
  id = "action.hostile.string-metatable",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    getmetatable("").__index = function() return function() return "pwned" end end
  end,
}
