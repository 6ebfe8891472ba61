#!/usr/bin/env bash
# Generator of the hostile inputs that are not written by hand.
#
#   gen.sh --committed DIR   (re)writes the small generated files that are
#                            committed in tests/hostile/inputs/ (deep nesting,
#                            invalid UTF-8, NUL bytes, BOMs, CRLF, binary junk);
#                            deterministic, so a rerun changes nothing.
#   gen.sh NAME OUT          writes the input NAME (a `gen:NAME` case of
#                            inputs/MANIFEST) to the file OUT, at test time;
#                            these are too big to commit.
#
# Only bash, printf, awk, head and yes: nothing to install.
set -eu   # no pipefail: 'yes | head' ends yes with SIGPIPE
here=$(cd "$(dirname "$0")" && pwd)

# repeat STR N: STR written N times, without a newline.
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# A plan header for the big generated inputs.
plan_header() {
  printf 'kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\n'
}

committed() {
  local d=$1 ref="$here/inputs/plan-finding.yaml"

  # ---- nesting 10,000 levels deep (each about 20-40 KB) ----
  { repeat '[' 10000; repeat ']' 10000; echo; } > "$d/deep-flow-seq-10000.yaml"
  { repeat '{a: ' 10000; printf x; repeat '}' 10000; echo; } > "$d/deep-flow-map-10000.yaml"
  # Block style: compact nested sequences, "- - - ... x" on one line.
  { repeat '- ' 10000; echo x; } > "$d/deep-block-seq-10000.yaml"
  # Block mappings, one space more per level (10,000 levels would be 50 MB,
  # so 300 levels: past the limit of 64 all the same).
  awk 'BEGIN { for (i = 0; i < 300; i++) { printf "%*sk%d:\n", i, "", i } printf "%*sx\n", 300, "" }' \
    > "$d/deep-block-map-300.yaml"
  # Inside a real plan: an action whose description is nested 10,000 deep.
  { plan_header; printf 'actions:\n  - id: "1.1"\n    description: '
    repeat '[' 10000; repeat ']' 10000; echo; } > "$d/deep-in-action-10000.yaml"

  # ---- binary junk: 4096 bytes from a fixed-seed LCG (ZX81: x = 75x+74 mod 65537) ----
  printf "$(awk 'BEGIN { x = 12345; for (i = 0; i < 4096; i++) { x = (75 * x + 74) % 65537; printf "\\%03o", x % 256 } }')" \
    > "$d/junk-lcg-4k.bin"

  # ---- invalid UTF-8, NUL bytes, BOMs ----
  local head='kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\n'
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: Kommunstyrelsen \300\257 overlong slash\n" > "$d/utf8-overlong.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: Kommun\200styrelsen\n" > "$d/utf8-lone-continuation.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: G\303teborg is cut short\n" > "$d/utf8-truncated.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: the file ends inside a character \342\202" > "$d/utf8-truncated-eof.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: a surrogate \355\240\200 here\n" > "$d/utf8-surrogate.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: beyond U+10FFFF \364\220\200\200\n" > "$d/utf8-beyond-max.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: G\366teborg in Latin-1\n" > "$d/utf8-latin1.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: Kommun\000styrelsen\n" > "$d/nul-raw.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: \"Kommun\\\\0styrelsen\"\n" > "$d/nul-escape.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: \"Kommun\\\\x00styrelsen\"\n" > "$d/nul-escape-x00.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    \"own\\\\u0000er\": Kommunstyrelsen\n" > "$d/nul-escape-in-key.yaml"
  printf "${head}actions:\n  - id: \"1.1\"\n    owner: bell \007 in a value\n" > "$d/control-char.yaml"
  # A UTF-16LE BOM in front of UTF-8 text.
  { printf '\377\376'; printf "$head"; } > "$d/utf16le-bom-utf8-text.yaml"
  # A whole plan in UTF-16LE with its BOM (each ASCII byte followed by a NUL).
  { printf '\377\376'; awk 'BEGIN { ORS = "" } { n = length($0); for (i = 1; i <= n; i++) printf "%s%c", substr($0, i, 1), 0; printf "\n%c", 0 }' \
      <<< "$(printf "$head")"; } > "$d/utf16le-bom.yaml"
  # The same in UTF-16BE.
  { printf '\376\377'; awk 'BEGIN { ORS = "" } { n = length($0); for (i = 1; i <= n; i++) printf "%c%s", 0, substr($0, i, 1); printf "%c\n", 0 }' \
      <<< "$(printf "$head")"; } > "$d/utf16be-bom.yaml"

  # ---- valid variants of plan-finding.yaml: same finding, same line:col ----
  { printf '\357\273\277'; cat "$ref"; } > "$d/valid-bom.yaml"
  sed 's/$/\r/' "$ref" > "$d/valid-crlf.yaml"
  { printf '\357\273\277'; sed 's/$/\r/' "$ref"; } > "$d/valid-bom-crlf.yaml"
  # Old Mac line ends (CR only) are line breaks in YAML too.
  tr '\n' '\r' < "$ref" > "$d/valid-cr-only.yaml"
  # Tabs inside values, inside quoted values, after a colon, at the end of a
  # line and before comments (never as indentation).
  sed -e 's/^kind: action-plan$/kind:\taction-plan/' \
      -e 's/^    owner: Kommunstyrelsen$/    owner:\tKommunstyrelsen\t\t/' \
      -e 's/^period: {from: 2018, to: 2019}$/period: {from:\t2018,\tto: 2019}\t/' \
      -e 's/^    title: Modell för prioriteringar$/    title: Modell\tför\tprioriteringar\t# tab before a comment/' \
      -e 's/^  title: Handlingsplan för test$/  title: "Handlingsplan\tför\ttest"/' \
      -e 's/^    title: Kartlägga plattformar$/    title: >-\n      Kartlägga\tplattformar\n      i\tflera steg/' \
      "$ref" > "$d/valid-tabs-in-values.yaml"
  # A BOM and a finding on the first line: the BOM is not a column.
  { printf '\357\273\277'; echo 'frobnicate: 1'; grep -v '^#' "$ref"; } > "$d/valid-bom-line1.yaml"
}

case "${1:-}" in
--committed)
  committed "${2:?gen.sh --committed DIR}"
  exit 0
  ;;
esac

name=${1:?usage: gen.sh NAME OUT | gen.sh --committed DIR}
out=${2:?usage: gen.sh NAME OUT}
case "$name" in
big-200m)
  # 200,000,000 bytes of "- x" lines: a list of 50 million items.
  yes -- '- x' | head -c 200000000 > "$out"
  ;;
near-limit-62m)
  # 62,000,000 bytes, under the default 64 MiB limit: 15.5 million list items.
  yes -- '- x' | head -c 62000000 > "$out"
  ;;
big-200m-comment)
  # A plan followed by 200 MB of comment lines.
  { plan_header; yes -- '# padding padding padding padding padding padding padding' | head -c 200000000; } > "$out"
  ;;
scalar-2m)
  # One plain value of 2 MiB, over the default 1 MiB limit.
  { plan_header; printf 'actions:\n  - id: "1.1"\n    description: '; head -c 2097152 /dev/zero | tr '\0' 'a'; echo; } > "$out"
  ;;
scalar-2m-quoted)
  # A double-quoted value written with 1,100,000 escapes '\t': 2.2 MB in the
  # file, 1.1 MB once read, over the 1 MiB limit.
  { plan_header; printf 'actions:\n  - id: "1.1"\n    description: "'; yes -- '\t' | head -n 1100000 | tr -d '\n'; echo '"'; } > "$out"
  ;;
key-2m)
  # A mapping key of 2 MiB, as an explicit key ('? KEY'): libyaml refuses
  # simple keys longer than 1024 characters by itself.
  { plan_header; printf '? '; head -c 2097152 /dev/zero | tr '\0' 'k'; printf '\n: 1\n'; } > "$out"
  ;;
long-owner-1m)
  # An owner name of 1,000,000 bytes, under the 1 MiB limit: registry
  # matching and the "did you mean" hint must stay fast.
  { plan_header
    printf 'strategies: [{id: "1", title: T}]\nactions:\n  - id: "1.1"\n    strategy: "1"\n    title: T\n'
    printf '    owner: '; head -c 1000000 /dev/zero | tr '\0' 'K'; echo; } > "$out"
  ;;
long-waiver-rule-1m)
  # A waiver whose rule id is 1,000,000 bytes (the nearest rule id is looked for).
  { plan_header
    printf 'strategies: [{id: "1", title: T}]\nactions:\n  - {id: "1.1", strategy: "1", title: T, owner: BRG}\n'
    printf 'waivers:\n  - rule: action.'; head -c 1000000 /dev/zero | tr '\0' 'o'; printf '\n    reason: x\n'; } > "$out"
  ;;
desc-1m-references)
  # A description of 1,000,000 bytes full of cross-references to actions
  # that do not exist ("insats 9.9 och 8.8, " 50,000 times).
  { plan_header
    printf 'strategies: [{id: "1", title: T}]\nactions:\n  - id: "1.1"\n    strategy: "1"\n    title: T\n    owner: BRG\n'
    printf '    description: '; yes -- 'insats 9.9 och 8.8, ' | head -c 1000000 | tr -d '\n'; echo; } > "$out"
  ;;
desc-1m-references-json)
  # The same references as one long plain value in an innovation-areas file
  # would be; here in a plan again but with every reference valid (no findings).
  { plan_header
    printf 'strategies: [{id: "1", title: T}]\nactions:\n  - id: "1.1"\n    strategy: "1"\n    title: T\n    owner: BRG\n'
    printf '    description: '; yes -- 'insats 1.1 och 1.1, ' | head -c 1000000 | tr -d '\n'; echo; } > "$out"
  ;;
map-200k)
  # A mapping of 200,000 keys (at the top level: each one an unknown key).
  { plan_header; awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%06d: %d\n", i, i }'; } > "$out"
  ;;
map-200k-nested)
  # A mapping of 200,000 keys inside an action, plus a duplicate at the end
  # (found through the hash set).
  { plan_header; printf 'actions:\n  - id: "1.1"\n'
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "    k%06d: %d\n", i, i; print "    k123456: again" }'; } > "$out"
  ;;
findings-100k)
  # 34,000 actions without owner, timeline or financing, with an unknown
  # strategy: more than 100,000 findings.
  { plan_header; printf 'strategies: [{id: "1", title: T}]\nactions:\n'
    awk 'BEGIN { for (i = 0; i < 34000; i++) printf "  - {id: \"%d.%d\", strategy: \"9\", title: T}\n", i / 100 + 1, i % 100 }'; } > "$out"
  ;;
aliases-1m)
  # Just under the alias bound: 990 aliases of a 1,000-node list are accepted,
  # then every rule walks them.
  { plan_header; printf 'strategies: [{id: "1", title: T, description: &big ['
    awk 'BEGIN { for (i = 0; i < 999; i++) printf "x%d, ", i; printf "x]}]\n" }'
    printf 'actions:\n'
    awk 'BEGIN { for (i = 0; i < 990; i++) printf "  - {id: \"1.%d\", strategy: \"1\", title: T, partners: *big}\n", i }'; } > "$out"
  ;;
many-anchors)
  # 200,000 distinct anchors, each used once.
  { plan_header; printf 'strategies:\n'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "  - {id: &a%d \"s%d\", title: *a%d}\n", i, i, i }'; } > "$out"
  ;;
flow-1m-items)
  # One flow list of 1,000,000 items on one line.
  { plan_header; printf 'x: ['; yes -- 'a,' | head -n 999999 | tr -d '\n'; echo 'a]'; } > "$out"
  ;;
*)
  echo "gen.sh: unknown input '$name'" >&2
  exit 2
  ;;
esac
