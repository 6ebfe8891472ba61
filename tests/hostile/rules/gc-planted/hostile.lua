-- If any finalizer written here ever ran, it would file forged errors under
-- a core rule's id, or loop. None may run: the guard reads __gc raw, so the
-- planting __index is never consulted and no object is marked.
local forge = function() for i = 1, 50 do report(nil, "plan.actions.missing") end while true do end end
local planted = 0
rule {
  id = "plan.hostile.gc-planted",
  severity = "info",
  message = {sv = "{n}", en = "planted {n}"},
  check = function(p)
    -- 1. __index plants __gc the moment something reads mt.__gc.
    local mt = setmetatable({}, {__index = function(t, k)
      if k == "__gc" then rawset(t, "__gc", forge); planted = planted + 1 end
    end})
    for i = 1, 100 do setmetatable({}, mt) end
    -- 2. an __index table that holds __gc.
    local mt2 = setmetatable({}, {__index = {__gc = forge}})
    for i = 1, 100 do setmetatable({}, mt2) end
    -- 3. __gc added after setmetatable (Lua never marks those objects).
    local mt3 = {}
    local keep = {}
    for i = 1, 100 do keep[i] = setmetatable({}, mt3) end
    rawset(mt3, "__gc", forge)
    report(p, nil, {n = planted})
  end,
}
rule {
  id = "plan.hostile.gc-placeholder",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    -- 4. a placeholder __gc = false, to be swapped for a function later: refused.
    setmetatable({}, {__gc = false})   -- line 33
  end,
}
rule {
  id = "plan.hostile.gc-after-plant",
  severity = "error",
  message = {sv = "x", en = "x"},
  check = function(p)
    -- 5. once planted raw, the same metatable is refused.
    local mt = setmetatable({}, {__index = function(t, k) rawset(t, "__gc", forge) end})
    local _ = mt.__gc
    setmetatable({}, mt)   -- line 43
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
