-- report() at the top of the file: no plan is being judged yet.
report(nil, "plan.actions.missing")
