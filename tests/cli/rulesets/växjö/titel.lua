-- House policy (illustrative): an action's title is at most 120 characters.
rule {
  id = "action.title.long",
  severity = "warning",
  message = {sv = "Insats {action}: rubriken är längre än 120 tecken.", en = "Action {action}: the title is longer than 120 characters."},
  remediation = {sv = "Korta rubriken; skriv resten i 'description:'.", en = "Shorten the title; put the rest under 'description:'."},
  check = function(a)
    if type(a.title) == "string" and utf8.len(a.title) and utf8.len(a.title) > 120 then report(a, "title") end
  end,
}
