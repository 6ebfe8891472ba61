-- Each rule's message, description and remediation hold 1 MiB: 2.4 GB of
-- C-side copies unless they count toward the rules' memory.
local text = string.rep("t", 1 << 20)
for i = 1, 400 do
  rule {
    id = "action.hostile.memory-rule-texts-" .. i,
    severity = "info",
    message = {sv = text, en = text},
    description = {sv = text, en = text},
    remediation = {sv = text, en = text},
    check = function(a) end,
  }
end

-- The canary: declared after the hostile rules, it proves the rules after
-- them still run (one info finding per action).
rule {
  id = "action.hostile.canary",
  severity = "info",
  message = {sv = "kanariefågeln lever", en = "canary: the rules after the hostile one still run"},
  check = function(a) report(a, nil) end,
}
