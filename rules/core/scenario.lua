-- Rules for scoring scenarios (kind: scenario): that their weights or
-- pairwise judgements fit the model, and - when `styr score` judges them
-- with an areas file - that include and exclude name real areas.

local function criterion_ids()
  local ids, set = {}, {}
  for _, c in ipairs(model_criteria()) do ids[#ids + 1] = c.id; set[c.id] = true end
  return ids, set
end

rule {
  id = "scenario.model.unknown",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Scenariot gäller modellen '{model}', men regeluppsättningen har modellen '{known}'.",
    en = "The scenario is for the model '{model}', but the ruleset has the model '{known}'.",
  },
  remediation = {
    sv = "Ange regeluppsättningens modell i 'model:', t.ex. 'model: goteborg', eller välj en annan regeluppsättning med --rules.",
    en = "Set 'model:' to the ruleset's model, e.g. 'model: goteborg', or choose another ruleset with --rules.",
  },
  check = function(s)
    local known = model_id()
    if known == nil then return end
    if s.model == nil then
      report(s, "model", {model = lang() == "en" and "(none)" or "(ingen)", known = known})
    elseif tostring(s.model) ~= known then
      report(s, "model", {model = s.model, known = known})
    end
  end,
}

rule {
  id = "scenario.method.unknown",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Okänd metod '{method}'{hint}; välj weighted-sum eller topsis.",
    en = "Unknown method '{method}'{hint}; choose weighted-sum or topsis.",
  },
  remediation = {
    sv = "Skriv 'method: weighted-sum' (viktad summa) eller 'method: topsis'.",
    en = "Write 'method: weighted-sum' or 'method: topsis'.",
  },
  check = function(s)
    local m = s.method
    if m == nil or m == "weighted-sum" or m == "topsis" then return end
    report(s, "method", {method = m, hint = did_you_mean(nearest(tostring(m), {"weighted-sum", "topsis"}))})
  end,
}

rule {
  id = "scenario.cost-basis.unknown",
  severity = "error",
  source = "FORMATS.md part three (cost_basis: what the budget counts)",
  message = {
    sv = "Okänd kostnadsbas '{basis}'{hint}; välj gross (hela kostnaden) eller net (kostnaden minus extern finansiering).",
    en = "Unknown cost basis '{basis}'{hint}; choose gross (the whole cost) or net (the cost minus external funding).",
  },
  remediation = {
    sv = "Skriv 'cost_basis: gross' för att budgeten ska räkna cost_sek, eller 'cost_basis: net' för cost_sek minus external_funding_sek.",
    en = "Write 'cost_basis: gross' for the budget to count cost_sek, or 'cost_basis: net' for cost_sek minus external_funding_sek.",
  },
  check = function(s)
    local b = s.cost_basis
    if b == nil or b == "gross" or b == "net" then return end
    report(s, "cost_basis", {basis = b, hint = did_you_mean(nearest(tostring(b), {"gross", "net"}))})
  end,
}

rule {
  id = "scenario.weights.unknown-criterion",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Modellen har inget kriterium '{criterion}'{hint}.",
    en = "The model has no criterion '{criterion}'{hint}.",
  },
  remediation = {
    sv = "Rätta kriteriets namn i 'weights:' eller 'pairwise:' så att det stämmer med modellen, t.ex. 'benefit_residents', eller ta bort det.",
    en = "Correct the criterion's name in 'weights:' or 'pairwise:' to match the model, e.g. 'benefit_residents', or remove it.",
  },
  check = function(s)
    if model_id() == nil then return end
    local ids, set = criterion_ids()
    if s.weights ~= nil then
      for _, key in ipairs(keys(s.weights)) do
        if not set[key] then report(s.weights, key, {criterion = key, hint = did_you_mean(nearest(key, ids))}) end
      end
    end
    for _, j in each(s.pairwise) do
      if kind(j) == "list" then
        for k = 1, 2 do
          local c = j[k]
          if c ~= nil and not set[tostring(c)] then
            report(j, k, {criterion = c, hint = did_you_mean(nearest(tostring(c), ids))})
          end
        end
      end
    end
  end,
}

rule {
  id = "scenario.weights.invalid",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Vikten för '{criterion}' är {value}; en vikt är ett tal från 0 och uppåt.",
    en = "The weight of '{criterion}' is {value}; a weight is a number of 0 or more.",
  },
  remediation = {
    sv = "Ange vikten som ett tal från 0 och uppåt, t.ex. 'cost: 2'; ett kriterium som inte ska väga in får 0 eller utelämnas.",
    en = "Give the weight as a number of 0 or more, e.g. 'cost: 2'; a criterion that should not count gets 0 or is left out.",
  },
  check = function(s)
    if s.weights == nil then return end
    for key, v in pairs(s.weights) do
      if v ~= v or v < 0 or v == math.huge then report(s.weights, key, {criterion = key, value = v}) end
    end
  end,
}

rule {
  id = "scenario.weights.conflict",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Ange antingen weights eller pairwise, inte båda.",
    en = "Give either weights or pairwise, not both.",
  },
  remediation = {
    sv = "Behåll antingen 'weights:' (vikterna direkt) eller 'pairwise:' (parvisa jämförelser) och ta bort det andra.",
    en = "Keep either 'weights:' (the weights directly) or 'pairwise:' (pairwise judgements) and remove the other.",
  },
  check = function(s)
    if s.weights ~= nil and s.pairwise ~= nil then report(s, "pairwise") end
  end,
}

rule {
  id = "scenario.weights.default",
  severity = "info",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Scenariot anger inga vikter; modellens standardvikter används.",
    en = "The scenario gives no weights; the model's default weights are used.",
  },
  remediation = {
    sv = "Inget behöver göras om modellens standardvikter avses; annars ange 'weights:', t.ex. 'weights: {cost: 5, feasibility: 3}'.",
    en = "Nothing to do if the model's default weights are intended; otherwise add 'weights:', e.g. 'weights: {cost: 5, feasibility: 3}'.",
  },
  check = function(s)
    if model_id() ~= nil and s.weights == nil and s.pairwise == nil then report(s, "weights") end
  end,
}

rule {
  id = "scenario.weights.all-zero",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Alla vikter är 0; minst ett kriterium måste väga något.",
    en = "Every weight is 0; at least one criterion must weigh something.",
  },
  remediation = {
    sv = "Ge minst ett kriterium en vikt större än 0, t.ex. 'benefit_residents: 1', eller ta bort 'weights:' för att använda modellens standardvikter.",
    en = "Give at least one criterion a weight above 0, e.g. 'benefit_residents: 1', or remove 'weights:' to use the model's default weights.",
  },
  check = function(s)
    if s.weights == nil or s.pairwise ~= nil then return end
    for _, v in pairs(s.weights) do
      if v ~= 0 then return end
    end
    report(s, "weights")
  end,
}

rule {
  id = "scenario.pairwise.malformed",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "En parvis jämförelse skrivs [a, b, v]: a är v gånger så viktigt som b (v från 1/9 till 9 på Saatys skala, a och b olika).",
    en = "A pairwise judgement is written [a, b, v]: a is v times as important as b (v from 1/9 to 9 on Saaty's scale, a and b different).",
  },
  remediation = {
    sv = "Skriv varje jämförelse som [a, b, v] med två olika kriterier och ett tal från 1/9 till 9, t.ex. '[benefit_residents, cost, 3]'.",
    en = "Write each judgement as [a, b, v] with two different criteria and a number from 1/9 to 9, e.g. '[benefit_residents, cost, 3]'.",
  },
  check = function(s)
    for i, j in each(s.pairwise) do
      -- a value is a number, or a fraction as Saaty's scale writes it ("1/3",
      -- a text to YAML), as the engine reads it
      local v = kind(j) == "list" and j[3] or nil
      if kind(v) == "text" then
        local p, q = tostring(v):match("^ *(%d%d?%d?%d?%d?%d?) */ *(%d%d?%d?%d?%d?%d?) *$")
        v = p and tonumber(q) > 0 and tonumber(p) / tonumber(q) or nil
      end
      local ok = kind(j) == "list" and #j == 3 and kind(j[1]) == "text" and kind(j[2]) == "text"
                 and j[1] ~= j[2] and kind(v) == "number" and v >= 1 / 9 - 1e-9 and v <= 9
      if not ok then report(s.pairwise, i) end
    end
  end,
}

rule {
  id = "scenario.pairwise.incomplete",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "De parvisa jämförelserna räcker inte för att räkna fram vikter: {reason}.",
    en = "The pairwise judgements do not give weights: {reason}.",
  },
  remediation = {
    sv = "Lägg till en jämförelse för varje par av de kriterier som ingår, t.ex. '[equality, cost, 2]'; meddelandet anger vad som saknas.",
    en = "Add a judgement for every pair of the criteria involved, e.g. '[equality, cost, 2]'; the message says what is missing.",
  },
  check = function(s)
    if s.pairwise == nil or s.weights ~= nil or model_id() == nil then return end
    local w, why = scenario_weights(s)
    -- Unknown criteria and malformed judgements have rules of their own.
    if w == nil and not why:find("no criterion") and not why:find("each judgement") and not why:find("two different") then
      report(s, "pairwise", {reason = why})
    end
  end,
}

rule {
  id = "scenario.pairwise.inconsistent",
  severity = "warning",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "De parvisa jämförelserna är inkonsistenta: CR = {cr} (över 0,10). Se över bedömningarna.",
    en = "The pairwise judgements are inconsistent: CR = {cr} (above 0.10). Review the judgements.",
  },
  remediation = {
    sv = "Gå igenom jämförelserna så att de hänger ihop: är a viktigare än b och b viktigare än c, ska a också vara viktigare än c.",
    en = "Review the judgements so that they agree: if a outweighs b and b outweighs c, a should also outweigh c.",
  },
  check = function(s)
    if s.pairwise == nil or s.weights ~= nil then return end
    local w = scenario_weights(s)
    if w and w.cr and w.cr > 0.10 then
      local cr = string.format("%.3f", w.cr)
      if lang() == "sv" then cr = cr:gsub("%.", ",") end   -- Swedish decimal comma, as in "0,10"
      report(s, "pairwise", {cr = cr})
    end
  end,
}

rule {
  id = "scenario.budget.invalid",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Budgeten {value} är inte ett belopp från 0 och uppåt.",
    en = "The budget {value} is not an amount of 0 or more.",
  },
  remediation = {
    sv = "Ange budgeten i kronor som ett tal från 0 och uppåt, t.ex. 'budget_sek: 5000000', eller ta bort fältet för att rangordna utan budget.",
    en = "Give the budget in SEK as a number of 0 or more, e.g. 'budget_sek: 5000000', or remove the field to rank without a budget.",
  },
  check = function(s)
    local b = s.budget_sek
    if b ~= nil and (b ~= b or b < 0 or b == math.huge) then report(s, "budget_sek", {value = b}) end
  end,
}

rule {
  id = "scenario.area.unknown",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "{field} nämner området '{target}', som inte finns bland områdena{hint}.",
    en = "{field} names the area '{target}', which is not among the areas{hint}.",
  },
  remediation = {
    sv = "Rätta id:t i 'include' eller 'exclude' så att det stämmer med ett område i områdesfilen, eller ta bort det.",
    en = "Correct the id in 'include' or 'exclude' to match an area in the areas file, or remove it.",
  },
  check = function(s)
    if not areas_loaded() then return end
    for _, field in ipairs({"include", "exclude"}) do
      for i, id in each(s[field]) do
        if find_area(tostring(id)) == nil then report(s[field], i, {field = field, target = id, hint = ""}) end
      end
    end
  end,
}

rule {
  id = "scenario.area.conflict",
  severity = "error",
  source = "FORMATS.md section 3 (weights and pairwise judgements the model can use)",
  message = {
    sv = "Området '{target}' står både under include och exclude.",
    en = "The area '{target}' is under both include and exclude.",
  },
  remediation = {
    sv = "Ta bort området ur antingen 'include' eller 'exclude'.",
    en = "Remove the area from either 'include' or 'exclude'.",
  },
  check = function(s)
    local inc = {}
    for _, id in each(s.include) do inc[tostring(id)] = true end
    for i, id in each(s.exclude) do
      if inc[tostring(id)] then report(s.exclude, i, {target = id}) end
    end
  end,
}
