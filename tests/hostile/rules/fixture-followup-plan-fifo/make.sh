# A follow-up fixture names its plan: a FIFO beside it, which would block.
mkfifo tests/plan.fifo
printf "# styr-test: quiet *\nkind: follow-up\nversion: 1\nplan: plan.fifo\ndate: 2019-01-01\n" > tests/fu.yaml
