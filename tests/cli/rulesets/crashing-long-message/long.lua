rule {
  id = "plan.crash.long-message",
  severity = "error",
  message = {sv = "Kraschar med ett långt meddelande.", en = "Crashes with a long message."},
  source = "tests only",
  check = function(plan) error(string.rep("å", 700), 0) end,
}
