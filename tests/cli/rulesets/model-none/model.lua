-- A model file that declares no model{} (golden score-model-none): the
-- ruleset is refused with what is missing, not read as one without a model.
local unused = 1
