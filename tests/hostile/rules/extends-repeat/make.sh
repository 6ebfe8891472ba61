# extends names core 300 times: each name is looked up and its ruleset.yaml
# read before it is found loaded; the reads are bounded.
list=$(for i in $(seq 300); do printf 'core, '; done)
sed -i "s|^extends: \[core\]|extends: [${list%, }]|" ruleset.yaml
