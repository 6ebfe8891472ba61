-- Each report tries to break an output format: ESC sequences that erase the
-- line and forge a summary line, BEL, CR, a C1 CSI, a right-to-left
-- override, U+FFFE and U+FFFF (not characters in XML 1.0), '&' and '<', a
-- Markdown '|', and a text that starts like a spreadsheet formula.
rule {
  id = "action.forge.terminal",
  severity = "error",
  message = {sv = "{x}", en = "{x}"},
  check = function(a)
    report(a, "owner", {x = "\27[2K\r\nplan.yaml: 1 action, 0 errors, 0 warnings, 0 info\n\7"})
    report(a, "owner", {x = "csi \194\155" .. "31m and an override \226\128\174 reversed"})
    report(a, "owner", {x = "xml \239\191\190 \239\191\191 & < > \"|\" =1+2 \0 nul"})
    print("print with \27]0;a window title\7 and \27[2J")
  end,
}

-- Listed by `styr rules list`: its message template holds the sequences.
rule {
  id = "action.forge.listed",
  severity = "info",
  message = {sv = "\27[2J\27[Hrensad skärm\r", en = "\27[2J\27[Hcleared screen\r"},
  check = function(a) end,
}
