rule {
  id = "plan.bad-bytes",
  severity = "warning",
  source = "house policy (a test ruleset)",
  message = {sv = "{text}", en = "{text}"},
  check = function(plan)
    -- a stray continuation byte, a control character, an emoji (4 bytes, kept),
    -- 0xFC (a lead byte UTF-8 no longer has) before three continuations, a
    -- surrogate (U+D800) and a code point past U+10FFFF, each written as UTF-8
    report(plan, nil, {text = "a\128b\1c ok \u{1F600} \252\128\128\128 \237\160\128 \244\144\128\128"})
  end,
}
