rule {
  id = "action.hostile.leave-global",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(a)
    leaked = a          -- a global of this file only
    _G.leaked_too = 1   -- _G is this file's environment
  end,
}
