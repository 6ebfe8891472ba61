-- Workload: what one owner (nämnd, styrelse, bolag) carries a year - actions
-- running, kronor and FTE of their financing, the plan's default owner
-- applied - against the capacity ruleset.yaml sets for it or for its
-- registry level (the setting workload_capacity). The figures are those of
-- `styr budget`'s owners table (workload.owners()), so the table and this
-- rule never disagree. No capacity set: no finding.

-- n with at most `decimals` decimals (2 unless given), trailing zeros dropped.
local function fmt(n, decimals)
  local s = string.format("%." .. (decimals or 2) .. "f", n):gsub("0+$", ""):gsub("%.$", "")
  if lang() ~= "en" then s = s:gsub("%.", ",") end
  return s
end

-- The decimals that tell a value over its capacity from the capacity
-- ("2,249 åa (högst 2,248)", not "2,25 (högst 2,25)"): two, or more.
local function decimals_apart(value, cap)
  local d = 2
  while d < 6 and fmt(value, d) == fmt(cap, d) do d = d + 1 end
  return d
end

-- Whole kronor in groups of three: "500 000"; the digits before a decimal
-- comma of s are grouped the same way ("500 000,25").
local function grouped(s)
  local int, rest = s:match("^(%d+)(.*)$")
  if not int then return s end
  return (int:reverse():gsub("(%d%d%d)", "%1 "):reverse():gsub("^ ", "")) .. rest
end

local function sek(n)
  return grouped(string.format("%.0f", n))
end

-- "5 insatser (högst 4)" for one measure of one year.
local function measure(m, value, cap)
  local en = lang() == "en"
  if m == "actions" then
    local noun = en and (value == 1 and "action" or "actions") or (value == 1 and "insats" or "insatser")
    return string.format(en and "%d %s (at most %d)" or "%d %s (högst %d)", value, noun, cap)
  elseif m == "sek" then
    if sek(value) == sek(cap) then   -- over by less than a krona: the öre say it
      local d = decimals_apart(value, cap)
      return string.format(en and "%s SEK (at most %s)" or "%s kr (högst %s)", grouped(fmt(value, d)), grouped(fmt(cap, d)))
    end
    return string.format(en and "%s SEK (at most %s)" or "%s kr (högst %s)", sek(value), sek(cap))
  end
  local d = decimals_apart(value, cap)
  return string.format(en and "%s FTE (at most %s)" or "%s åa (högst %s)", fmt(value, d), fmt(cap, d))
end

rule {
  id = "plan.owner.over-capacity",
  severity = "warning",
  message = {
    sv = "{owner} bär mer än sin kapacitet: {over}.",
    en = "{owner} carries more than its capacity: {over}.",
  },
  remediation = {
    sv = "Flytta insatser eller pengar till en annan ansvarig eller ett annat år, eller ändra kapaciteten (workload_capacity i ruleset.yaml).",
    en = "Move actions or money to another owner or another year, or change the capacity (workload_capacity in ruleset.yaml).",
  },
  source = "house policy: a capacity set in ruleset.yaml (workload_capacity); neither the seed nor the riktlinje sets one (seed line 204 names the six boards that carry the plan's actions)",
  check = function(plan)
    -- No capacity set: nothing can be over, and the projection is not worth its time.
    if ruleset.setting("workload_capacity", nil) == nil then return end
    local owners = workload.owners()
    if owners == nil then return end
    for _, o in ipairs(owners) do
      local parts = {}
      for _, y in ipairs(o.years) do
        local said = {}
        for _, m in ipairs(y.over) do said[#said + 1] = measure(m, y[m], o.capacity[m]) end
        if #said > 0 then parts[#parts + 1] = y.year .. ": " .. table.concat(said, ", ") end
      end
      if #parts > 0 then
        local a = o.first_action and find_action(o.first_action)
        if a ~= nil then
          report(a, "owner", {owner = o.owner, over = table.concat(parts, "; ")})
        else
          report(plan, "actions", {owner = o.owner, over = table.concat(parts, "; ")})
        end
      end
    end
  end,
}
