#!/usr/bin/env python3
"""Every Markdown styr writes, read by GitHub's own renderer (cmark-gfm with
GitHub's extensions: tables, strikethrough, autolinks; raw HTML let through,
as a page would show it if styr let it through).

A plan, a follow-up and an areas file whose texts hold Markdown and HTML:
a link hiding its address behind a word, an image, emphasis, strikethrough,
code, a tag, an entity and a bar. In every report each such text must come
out as the same characters, shown, and none of it may become markup: no
link, image, emphasis, code, tag or extra table cell made from the plan.

usage: tests/markdown/check.py STYR
"""
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile

# Each piece of the hostile text, and the markup it would become if styr
# let it through.
PIECES = [
    ("[klick](https://example.org/)", ">klick</a>"),
    ("![bild](https://example.org/x.png)", "<img"),
    ("**fet**", "<strong>fet"),
    ("_kursiv_", "<em>kursiv"),
    ("~~struken~~", "<del>struken"),
    ("`kod`", "<code>kod"),
    ("<b>BRG</b>", "<b>BRG"),
    ("&amp;", None),        # shown as the five characters, not as '&'
    ("x|y", None),          # one cell, not two
    ("a\\*b", None),        # a backslash shown, not eaten
    ("«_x_»", "<em>x"),     # punctuation beside an underscore: emphasis
    ("slut #", None),       # a heading's closing '#' would be dropped
]
TEXT = " ".join(p for p, _ in PIECES)


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


PLAN = f"""# Illustrative data (tests/markdown/check.py): texts holding Markdown.
kind: action-plan
version: 1
illustrative: true
document: {{title: {yq("Plan " + TEXT)}}}
period: {{from: 2018, to: 2019}}
follow_up: {{reports: [UR2], escalate_to: {yq("KS " + TEXT)}}}
strategies:
  - {{id: "1", title: {yq("Strategi " + TEXT)}}}
actions:
  - id: "1.1"
    strategy: "1"
    title: {yq("Titel " + TEXT)}
    owner: {yq("Ägare " + TEXT)}
    timeline: {{start: 2018-01, end: 2018-06}}
    financing:
      - {{source: {yq("Finansiär " + TEXT)}, type: external-grant, amount_sek: 100000, until: 2018-12}}
"""

FOLLOWUP = f"""# Illustrative data (tests/markdown/check.py).
kind: follow-up
version: 1
illustrative: true
plan: plan.yaml
report: UR2
as_of: 2018-08-31
actions:
  - {{id: "1.1", status: delayed, forecast_end: 2019-06, spent_sek: 900000, comment: {yq("Kommentar " + TEXT)}}}
"""


class Text(html.parser.HTMLParser):
    """The text a reader sees: character data with entities resolved."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def render(md):
    r = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"],
                       input=md.encode(), capture_output=True, check=True)
    return r.stdout.decode()


def main():
    styr = os.path.abspath(sys.argv[1])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    failures = checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path
        plan = write("plan.yaml", PLAN)
        plan2 = write("plan2.yaml", PLAN.replace("amount_sek: 100000", "amount_sek: 250000")
                      .replace('title: "Titel ', 'title: "Ny titel '))
        # The same plan with its action renumbered to an id holding the text,
        # and a field whose name holds it (its path is shown in backticks).
        plan3 = write("plan3.yaml", PLAN.replace('  - id: "1.1"', "  - id: " + yq("1.1 " + TEXT))
                      .replace("    strategy: \"1\"\n    title", "    " + yq("fält " + TEXT) + ": 2\n    strategy: \"1\"\n    title", 1)
                      + yq("topp " + TEXT) + ": 2\n")
        followup = write("followup.yaml", FOLLOWUP)
        with open(os.path.join(root, "scenarios", "goteborg-areas.yaml"), encoding="utf-8") as f:
            areas_text = f.read()
        # The first area's title becomes the hostile text.
        at = areas_text.index("\n    title: ")
        end = areas_text.index("\n", at + 1)
        areas = write("areas.yaml", areas_text[:at] + "\n    title: " + yq("Område " + TEXT) + areas_text[end:])
        # An illustrative areas file whose name holds Markdown: the note
        # that says so names the file.
        areas_odd = write("Områden [klick](mailto:a@b.se) **fet** x|y.yaml", areas_text)
        scen = os.path.join(root, "scenarios", "balanserad.yaml")
        runs = [
            ("validate markdown", ["validate", plan, "--format", "markdown"]),
            ("validate github-summary", ["validate", plan, "--format", "github-summary"]),
            ("budget markdown", ["budget", plan, "--format", "markdown"]),
            ("followup markdown", ["followup", followup, "--format", "markdown"]),
            ("diff markdown", ["diff", plan, plan2, "--format", "markdown"]),
            ("diff markdown, renumbered", ["diff", plan, plan3, "--format", "markdown"]),
            ("score markdown", ["score", areas, "--scenario", scen, "--format", "markdown"]),
            ("sensitivity markdown", ["sensitivity", areas, "--scenario", scen, "--samples", "100",
                                      "--format", "markdown"]),
        ]
        # A file name holding Markdown: it heads sections and the summary's
        # <details> (raw HTML, where a backslash would show).
        odd = write("Plan [klick](mailto:a@b.se) **fet** x|y.yaml", PLAN)
        odd_pieces = [("[klick](mailto:a@b.se)", ">klick</a>"), ("**fet**", "<strong>fet"), ("x|y", None)]
        runs_odd = [
            ("validate markdown, file name", ["validate", odd, "--format", "markdown"]),
            ("validate github-summary, file name", ["validate", odd, "--format", "github-summary"]),
            ("score markdown, file name", ["score", areas_odd, "--scenario", scen, "--format", "markdown"]),
            ("sensitivity markdown, file name", ["sensitivity", areas_odd, "--scenario", scen, "--samples", "100",
                                                 "--format", "markdown"]),
        ]
        for lang in ("sv", "en"):
            for name, args in runs + runs_odd:
                env = dict(os.environ, NO_COLOR="1", LANG="C.UTF-8")
                env.pop("LC_ALL", None)
                r = subprocess.run([styr, *args, "--lang", lang], capture_output=True, env=env, cwd=tmp)
                label = f"{name} ({lang})"
                if r.returncode not in (0, 1):
                    print(f"FAIL {label}: exit {r.returncode}\n{r.stderr.decode()[:2000]}")
                    failures += 1
                    continue
                md = r.stdout.decode()
                page = render(md)
                seen = Text()
                seen.feed(page)
                shown = "".join(seen.parts)
                odd_run = (name, args) in runs_odd
                for piece, markup in odd_pieces if odd_run else PIECES:
                    checks += 1
                    if piece not in shown:
                        print(f"FAIL {label}: {piece!r} is not shown as written")
                        failures += 1
                    if markup and markup in page:
                        print(f"FAIL {label}: {piece!r} became markup ({markup!r} in the page)")
                        failures += 1
                if odd_run:
                    # the whole name shown as written, and no backslash of
                    # an escape showing inside the summary's HTML
                    checks += 1
                    named = next(a for a in args if "klick" in a)
                    if os.path.basename(named) not in shown:
                        print(f"FAIL {label}: the file name is not shown as written")
                        failures += 1
                    checks += 1
                    if "\\[klick](mailto" in shown or "\\*\\*fet" in shown:
                        print(f"FAIL {label}: an escape's backslash shows in the file name")
                        failures += 1
                    continue
                # a heading that shows the text shows its last '#' too
                for h in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", page, re.S):
                    h = html.unescape(re.sub(r"<[^>]*>", "", h))
                    if "slut" in h:
                        checks += 1
                        if "slut #" not in h:
                            print(f"FAIL {label}: a heading lost its closing '#': {h!r}")
                            failures += 1
                checks += 1
                if TEXT not in shown:   # the whole text, once at least, unbroken
                    print(f"FAIL {label}: the text is not shown whole anywhere")
                    failures += 1
    print(f"markdown: {checks} checks, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
