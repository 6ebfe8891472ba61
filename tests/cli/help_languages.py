#!/usr/bin/python3
"""`styr help` speaks the run's language: every command's help, and the
overview, in Swedish (the default) and in English (--lang en).

An adversary's checks, not the tables' own: a Swedish help that still holds
a sentence of the English one (a text left untranslated, or a table entry
that falls back to English) fails, as does an English help with Swedish
words in it, a help that is the same in both languages, or one whose lines
run past the terminal's 80 columns (the command with its operands, which
no line break can split, excepted).

  help_languages.py STYR
"""
import re
import subprocess
import sys

STYR = sys.argv[1]
COMMANDS = ["", "validate", "score", "sensitivity", "report", "budget", "followup", "diff", "template",
            "convert", "rules list", "rules test", "rules doc"]
# Words only Swedish has (with å, ä or ö), or common Swedish words that are
# no English words.
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(och|eller|inte|som|för|med|varje|standard ut|regeluppsättning)\b")


def helptext(cmd, lang):
    args = [STYR, "help"] + cmd.split() + ["--lang", lang]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args[1:])} exits {r.returncode}: {r.stderr.strip()}")
    return r.stdout


def prose(text):
    """The phrases of running text: what follows an option's name, and the
    paragraphs, as runs of three words."""
    out = set()
    for line in text.split("\n"):
        line = re.sub(r"^\s*(-\w, )?--[\w-]+( [A-Z|.a-z]+)?\s{2,}", "", line)   # the option column
        line = re.sub(r"^\s*# styr-test: \w+ [A-Z{}-]+(\.\.\.)?\s+", "", line)   # a directive's name
        words = re.findall(r"[A-Za-zåäöÅÄÖé'][\w'åäöÅÄÖ-]*", line)
        for i in range(len(words) - 2):
            out.add(" ".join(words[i:i + 3]).lower())
    return out


ENGLISH = set("the this these of a an is are be to and or with in on at as by each every that it its not no for "
              "when what which from than into only all more has have can cannot will".split())
bad = 0
for cmd in COMMANDS:
    name = f"styr help {cmd}".strip()
    sv, en = helptext(cmd, "sv"), helptext(cmd, "en")
    problems = []
    if sv == en:
        problems.append("the same text in both languages")
    # usage lines, placeholders and format names are the same in both: a
    # phrase counts when it has an English function word
    left = sorted(p for p in prose(en) & prose(sv) if ENGLISH & set(p.split()))
    if left:
        problems.append(f"English left in the Swedish help: {left[:3]}")
    swedish_in_en = [l for l in en.split("\n") if SWEDISH.search(l) and "Insatser" not in l]
    if swedish_in_en:
        problems.append(f"Swedish in the English help: {swedish_in_en[:2]}")
    # placeholders are words too: "-o FIL", "[GRÄNSER]" in Swedish (as
    # Swedish command-line tools write them), "-o FILE", "[LIMITS]" in English
    for lang, text, other in (("sv", sv, r"\b(FILE|LEVEL|NAME\|DIR|BYTES|LIMITS|RULE-ID)\b"),
                              ("en", en, r"\b(FIL|NIVÅ|NAMN\|MAPP|BYTE|GRÄNSER|REGEL-ID)\b")):
        found = sorted(set(m.group(0) for m in re.finditer(other, text)))
        if found:
            problems.append(f"{lang}: the other language's placeholders {found}")
    for lang, text in (("sv", sv), ("en", en)):
        # the first line and a usage line's start (the command and its
        # operands) are as long as they are
        wide = [l for l in text.split("\n")[1:] if len(l) > 80 and not l.startswith(("usage: styr", "användning: styr"))]
        if wide:
            problems.append(f"{lang}: {len(wide)} lines past 80 columns: {wide[0]!r}")
    if problems:
        bad += 1
        print(f"FAIL {name}: " + "; ".join(problems))
    else:
        print(f"ok {name}")
print(f"help languages: {len(COMMANDS) - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
