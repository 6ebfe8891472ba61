-- Göteborgs Stad's model for prioritising innovation areas
-- (handlingsplan 2018-2019, insats 1.1: "en modell för att identifiera och
-- fatta beslut om gemensamma prioriteringar av innovationsområden").
--
-- The criteria follow the innovation programme's goal ("innovation skapar
-- nytta för boende, besökare och näringsliv och bidrar till ett jämlikt och
-- hållbart Göteborg"), its five strategies, and the city's budget goal
-- "en hållbar innovationsstad med ökande jobbtillväxt". Change a criterion,
-- a scale or a default weight here; nothing needs recompiling.
--
-- value = "assessment": the panel's judgement in the area's `assessments`,
-- on the criterion's scale. A function computes the value from the area.
-- A criterion without a scale is normalised min-max over the areas scored.

local function count(list)
  local n = 0
  for _ in each(list) do n = n + 1 end
  return n
end

model {
  id = "goteborg",
  title = {sv = "Göteborgs Stads prioriteringsmodell för innovationsområden",
           en = "Göteborg's model for prioritising innovation areas"},
  criteria = {
    {id = "benefit_residents", label = {sv = "Nytta för boende", en = "Benefit to residents"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 2},
    {id = "benefit_visitors", label = {sv = "Nytta för besökare", en = "Benefit to visitors"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "benefit_business", label = {sv = "Nytta för näringslivet", en = "Benefit to business"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 2},
    {id = "equality", label = {sv = "Jämlikhet", en = "Equality"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 2},
    {id = "sustainability", label = {sv = "Hållbarhet", en = "Sustainability"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 2},
    {id = "collaboration", label = {sv = "Samverkan med näringsliv, akademi och civilsamhälle",
                                    en = "Collaboration with business, academia and civil society"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "feasibility", label = {sv = "Genomförbarhet", en = "Feasibility"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    {id = "job_growth", label = {sv = "Jobbtillväxt", en = "Job growth"},
     scale = {1, 5}, direction = "benefit", value = "assessment", weight = 1},
    -- Contribution to the programme's five strategies: how many it serves.
    {id = "strategy_fit", label = {sv = "Bidrag till programmets strategier", en = "Contribution to the programme's strategies"},
     scale = {0, 5}, direction = "benefit", weight = 1,
     value = function(area) return count(area.strategies) end},
    -- Links to the city's other programmes (known to the registry).
    {id = "program_links", label = {sv = "Koppling till stadens andra program", en = "Links to the city's other programmes"},
     direction = "benefit", weight = 1,
     value = function(area)
       local n = 0
       for _, p in each(area.programs) do
         local base = tostring(p):match("^(.-)%s+%d%d%d%d$")
         local yearly = base and registry.program(base)
         if registry.program(tostring(p)) or (yearly and yearly.yearly == true) then n = n + 1 end
       end
       return n
     end},
    {id = "cost", label = {sv = "Kostnad (kr)", en = "Cost (SEK)"},
     direction = "cost", weight = 1,
     value = function(area) return area.cost_sek end},
    -- The share of the cost paid by Vinnova, Tillväxtverket, EU and others.
    {id = "external_share", label = {sv = "Andel extern finansiering", en = "Share of external funding"},
     scale = {0, 1}, direction = "benefit", weight = 1,
     value = function(area)
       local cost, ext = area.cost_sek, area.external_funding_sek or 0
       if cost == nil then return nil end
       if cost <= 0 then return 0 end
       return math.min(ext / cost, 1)
     end},
  },
  -- An area that fails a gate is left out of every ranking, with the reason.
  gates = {
    {id = "owner",
     message = {sv = "har ingen känd ansvarig nämnd eller styrelse",
                en = "has no known owner (board or company)"},
     pass = function(area) return area.owner ~= nil and registry.owner(tostring(area.owner)) ~= nil end},
  },
}
