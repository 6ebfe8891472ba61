-- Each rule loops inside one library call for minutes in Lua's own string
-- library. The counted matcher charges every step to the call's instruction
-- budget: each rule is stopped at its line, the rules after it still run.
local function bomb(id, f)
  rule {
    id = "plan.hostile." .. id,
    severity = "error",
    message = {sv = "x", en = "x"},
    check = f,
  }
end

local a4 = string.rep("a", 1 << 20)
bomb("find-one-rep", function(p) return a4:find("a*b") end)
bomb("find-lazy", function(p) return a4:find("a-b") end)
bomb("match-two-reps", function(p) return a4:match(".-.-b") end)
bomb("gmatch-one-rep", function(p) for m in a4:gmatch("a*b") do end end)
bomb("gsub-balance", function(p) return (string.rep("(", 2 << 20)):gsub("%b()", "") end)
bomb("backref", function(p) return a4:find("(a*)%1b") end)
bomb("huge-class", function(p) return a4:find("[" .. string.rep("%d", 100000) .. "]") end)
bomb("plain-scans", function(p) local n = string.rep("a", 1 << 19) .. "b" for i = 1, 1e6 do a4:find(n, 1, true) end end)
bomb("caught", function(p) for i = 1, 1e6 do pcall(string.find, a4, "a*b") end end)
bomb("optional-chain", function(p) return a4:find(string.rep("a?", 30) .. string.rep("a", 30) .. "b") end)
bomb("gsub-function", function(p) local s = string.rep("x", 16 << 20) return s:gsub(".", string.upper) end)
bomb("upper-loop", function(p) local s = string.rep("x", 16 << 20) for i = 1, 1e6 do local u = s:upper() end end)
bomb("rep-empty", function(p) return #string.rep("", 500000000) end)

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
