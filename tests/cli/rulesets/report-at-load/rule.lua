-- report() at load time, before any rule runs (golden rule-report-at-load).
report({}, nil, {})
