#!/usr/bin/env python3
"""check.py - styr's scores against the independent oracle (oracle.py).

  check.py STYR                      every score golden, then --random instances
  check.py STYR --random N --seed S  N generated instances (default 40, seed 1)
  check.py STYR --golden CASE --out FILE
                                     only golden CASE, with FILE as its output
                                     (tests/cli/golden.sh --update asks this
                                     before it overwrites a score golden)

For each `styr score` golden (tests/cli/cases/*.args that run score and do
not fail with exit 2) it runs the same areas and scenarios through the
oracle and through `styr score --format json`, and compares: the areas left
out, the weights, the consistency ratio, every score and rank, and the
budget portfolio (feasibility, best total, the chosen set among the best).
It then reads the golden itself (text, JSON, CSV or Markdown) and checks
every rank and score it shows against the oracle, rounded as shown. The
random instances do the same with generated areas and scenarios: direct,
default and pairwise weights, weighted sum and TOPSIS, budgets with
include, exclude, requires and excludes.
Prints PASS/FAIL a check and "N passed, M failed"; exits 1 on a failure.
"""
import os
import sys

try:
    import numpy  # noqa: F401
    import yaml  # noqa: F401
except ImportError:
    # Debian's python3-numpy and python3-yaml live with /usr/bin/python3.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("check.py needs python3-numpy and python3-yaml (Debian): .ci/install-deps --test")

import argparse
import csv
import io
import json
import random
import re
import shlex
import subprocess
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

ROOT = oracle.ROOT
CASES = os.path.join(ROOT, "tests", "cli", "cases")


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def result(self, name, problems):
        if problems:
            self.failed += 1
            print(f"FAIL {name}: " + "; ".join(problems[:6]) + (f" (and {len(problems) - 6} more)" if len(problems) > 6 else ""))
        else:
            self.passed += 1
            print(f"PASS {name}")


def close(a, b, tol=1e-8):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))


# ------------------------------------------------------- styr against oracle

def styr_json(styr, areas, scenarios):
    cmd = [styr, "score", areas] + [x for s in scenarios for x in ("--scenario", s)] + ["--format", "json", "--lang", "en"]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"styr exit {p.returncode}: {p.stderr.strip()[:300]}")
    return json.loads(p.stdout)


def compare_run(got, want):
    """Problems between styr's JSON (got) and the oracle's result (want)."""
    probs = []
    left = {e["area"] for e in got.get("excluded", [])}
    if left != set(want["left_out"]):
        probs.append(f"left out: styr {sorted(left)}, oracle {sorted(want['left_out'])}")
    scored = [s for s in got["scenarios"]]
    if len(scored) != len(want["scenarios"]):
        return probs + [f"{len(scored)} scenarios scored, oracle {len(want['scenarios'])}"]
    for s, w in zip(scored, want["scenarios"]):
        tag = s.get("id")
        for c, v in w["weights"].items():
            if not close(s["weights"].get(c), v, 1e-8):
                probs.append(f"{tag} weight {c}: styr {s['weights'].get(c)}, oracle {v:.10g}")
        if (w["cr"] is None) != (s.get("consistency_ratio") is None) or \
                (w["cr"] is not None and not close(s["consistency_ratio"], w["cr"], 1e-6)):
            probs.append(f"{tag} CR: styr {s.get('consistency_ratio')}, oracle {w['cr']}")
        got_scores = {r["area"]: r for r in s["ranking"]}
        if set(got_scores) != set(w["scores"]):
            probs.append(f"{tag} areas ranked: styr {sorted(got_scores)}, oracle {sorted(w['scores'])}")
            continue
        for a, v in w["scores"].items():
            if not close(got_scores[a]["score"], v, 1e-8):
                probs.append(f"{tag} score {a}: styr {got_scores[a]['score']}, oracle {v:.10g}")
            if got_scores[a]["rank"] != w["ranks"][a]:
                probs.append(f"{tag} rank {a}: styr {got_scores[a]['rank']}, oracle {w['ranks'][a]}")
        if "portfolio" in w:
            feasible, best, winners = w["portfolio"]
            sel = s.get("selection") or {}
            if bool(sel.get("feasible")) != feasible:
                probs.append(f"{tag} portfolio feasible: styr {sel.get('feasible')}, oracle {feasible}")
            elif feasible:
                if not close(sel.get("total_score"), best, 1e-8):
                    probs.append(f"{tag} portfolio total: styr {sel.get('total_score')}, oracle {best:.10g}")
                if frozenset(sel.get("selected", [])) not in winners:
                    probs.append(f"{tag} portfolio {sorted(sel.get('selected', []))} is not among the best "
                                 f"({[sorted(x) for x in winners][:2]})")
        elif s.get("selection"):
            probs.append(f"{tag}: styr chose a portfolio without a budget")
    return probs


# ------------------------------------------------------------- golden files

def golden_rows(text, fmt):
    """[(scenario index, rank, area, score text)] that a golden shows."""
    rows = []
    if fmt == "json":
        d = json.loads(text)
        for k, s in enumerate(d.get("scenarios", [])):
            for r in s["ranking"]:
                rows.append((k, r["rank"], r["area"], repr(r["score"])))
    elif fmt == "csv":
        ids = []
        # The CSV follows the language (FORMATS.md 14): Swedish is ';', a
        # decimal comma and a BOM; English ',' and a point.
        text = text.lstrip("\ufeff")
        swedish = text.split("\n", 1)[0].count(";") > 0
        for r in csv.DictReader(io.StringIO(text), delimiter=";" if swedish else ","):
            if r["scenario"] not in ids:
                ids.append(r["scenario"])
            score = r["score"].replace(",", ".") if swedish else r["score"]
            rows.append((ids.index(r["scenario"]), int(r["rank"]), r["area"], score))
    elif fmt == "markdown":
        k = -1
        for line in text.split("\n"):
            if re.match(r"^\| (Rank|Rang) \| (Area|Område) \| (Score|Poäng)", line):
                k += 1
            # a '|' in a title is written "\|", so it does not end the cell
            m = re.match(r"^\| (\d+) \| \**((?:\\\||[^|*])+?)\** \| (\d+[.,]\d+) \|", line)
            if m and k >= 0:
                # "Title (id)" when the area has a title: the id is in the last parentheses
                t = re.match(r"^.* \(([^()]+)\)$", m.group(2))
                rows.append((k, int(m.group(1)), t.group(1) if t else m.group(2), m.group(3).replace(",", ".")))
    elif fmt == "text":
        k, explained = -1, False
        for line in text.split("\n"):
            if line.startswith("Scenario "):
                k += 1
                explained = False
            # the portfolio explained: reasons, not the ranking
            if line.startswith(("  Portföljen förklarad", "  The portfolio explained")):
                explained = True
            if explained:
                continue
            # rank, then the title (cut; only when an area has one), the id and the
            # score (Swedish writes a decimal comma, English a point)
            m = re.match(r"^\s+(\d+)\s+(?:.*?\s)?(\S+)\s+(\d+[.,]\d{3})(\s|$)", line)
            if m and k >= 0:
                rows.append((k, int(m.group(1)), m.group(2), m.group(3).replace(",", ".")))
    return rows


def check_golden_text(text, fmt, want):
    probs, rows = [], golden_rows(text, fmt)
    # (a scenario over no area at all ranks nothing: an empty golden is right)
    if fmt in ("text", "json", "csv", "markdown") and not rows and any(w["scores"] for w in want["scenarios"]):
        return ["the golden shows no ranking, the oracle scores the scenario"]
    for k, rank, area, shown in rows:
        if k >= len(want["scenarios"]):
            probs.append(f"scenario {k + 1} in the golden, {len(want['scenarios'])} in the oracle")
            continue
        w = want["scenarios"][k]
        if area not in w["scores"]:
            probs.append(f"{area} ranked in the golden, left out by the oracle")
            continue
        v = w["scores"][area]
        dec = len(shown.split(".")[1]) if "." in shown else 0
        if fmt == "json":
            ok = close(float(shown), v, 1e-8)
        else:
            ok = abs(float(shown) - v) <= 0.5 * 10 ** -dec + 1e-12
        if not ok:
            probs.append(f"scenario {k + 1} {area}: golden shows {shown}, oracle {v:.6f}")
        if rank != w["ranks"][area]:
            probs.append(f"scenario {k + 1} {area}: golden rank {rank}, oracle {w['ranks'][area]}")
    return probs


def score_cases():
    """(case, areas, scenarios, format) of every score golden the oracle can check."""
    out = []
    for f in sorted(os.listdir(CASES)):
        if not f.endswith(".args"):
            continue
        case = f[:-5]
        args = shlex.split(open(os.path.join(CASES, f), encoding="utf-8").read())
        if not args or args[0] != "score":
            continue
        code_file = os.path.join(CASES, case + ".code")
        if os.path.exists(code_file) and open(code_file).read().strip() == "2":
            continue   # the run fails before scoring
        if "--help" in args or "--rules" in args and args[args.index("--rules") + 1] != "goteborg":
            continue
        pos, scen, fmt, i = [], [], "text", 1
        while i < len(args):
            a = args[i]
            if a == "--scenario":
                scen.append(args[i + 1]); i += 2; continue
            if a == "--format":
                fmt = args[i + 1]; i += 2; continue
            if a in ("--lang", "--rules", "--fail-on", "--samples", "--seed", "-o", "--output"):
                i += 2; continue
            if not a.startswith("-"):
                pos.append(a)
            i += 1
        if "-q" in args or "--quiet" in args:
            fmt = "quiet"   # nothing shown: only the scores behind it are checked
        if len(pos) == 1 and scen:
            out.append((case, pos[0], scen, fmt))
    return out


def check_case(styr, t, case, areas, scen, fmt, out_text=None):
    try:
        want = oracle.score(os.path.join(ROOT, areas), [os.path.join(ROOT, s) for s in scen])
        got = styr_json(styr, areas, scen)
    except Exception as e:  # noqa: BLE001 - any failure is a failed check
        t.result(f"golden {case}", [f"could not run: {e}"])
        return
    t.result(f"golden {case}: styr score --format json on its files equals the oracle", compare_run(got, want))
    if out_text is None:
        out_text = open(os.path.join(CASES, case + ".out"), encoding="utf-8").read()
    if fmt == "json":
        out_text = out_text[out_text.index("{"):]
    if fmt == "quiet":
        t.result(f"golden {case}: -q shows nothing", [] if not out_text.strip() else ["-q printed a report"])
    elif fmt in ("text", "json", "csv", "markdown"):
        t.result(f"golden {case}: every rank and score it shows equals the oracle ({fmt})",
                 check_golden_text(out_text, fmt, want))


# ---------------------------------------------------------- random instances

PROGRAMS = ["HR-program", "Näringslivsstrategiskt program", "Program för e-samhälle", "Trafikstrategi",
            "Inget sådant program", "hr-programmet"]
OWNERS = ["Kommunstyrelsen", "BRG", "Intraservice", "SLK", "Okänd förvaltning"]
ASSESSED = [c[0] for c in oracle.GOTEBORG if c[4] == "assessment"]


def random_instance(rng, k, folder):
    n = rng.randint(2, 11)
    ids = [f"a{k}-{i}" for i in range(n)]
    areas = []
    for i, aid in enumerate(ids):
        cost = rng.choice([0, rng.randrange(50, 5000) * 1000, rng.randrange(1, 40) * 100000])
        a = {"id": aid, "title": f"Område {i}", "owner": rng.choice(OWNERS) if rng.random() < 0.3 else "Kommunstyrelsen",
             "strategies": [str(s) for s in rng.sample(range(1, 6), rng.randint(0, 5))],
             "programs": rng.sample(PROGRAMS, rng.randint(0, 3)),
             "cost_sek": cost, "external_funding_sek": rng.choice([0, cost // 2, cost * 2, rng.randrange(0, 10) * 10000]),
             "assessments": {c: rng.randint(1, 5) for c in ASSESSED}}
        if rng.random() < 0.1:
            del a["assessments"][rng.choice(ASSESSED)]
        if rng.random() < 0.05:
            a["assessments"][rng.choice(ASSESSED)] = 6
        if i and rng.random() < 0.25:
            a["requires"] = [rng.choice(ids[:i])]
        if i and rng.random() < 0.2:
            a["excludes"] = [rng.choice(ids[:i])]
        areas.append(a)
    sc = {"kind": "scenario", "version": 1, "id": f"random-{k}", "title": "Slumpad", "model": "goteborg",
          "method": rng.choice(["weighted-sum", "topsis"])}
    style = rng.random()
    crits = [c[0] for c in oracle.GOTEBORG]
    if style < 0.4:
        sc["weights"] = {c: rng.choice([0, 1, 2, 3, 0.5, 7]) for c in rng.sample(crits, rng.randint(1, 8))}
        if not any(sc["weights"].values()):
            sc["weights"][crits[0]] = 1
    elif style < 0.8:
        chosen = rng.sample(crits, rng.randint(2, 6))
        scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 2, 3, 5, 7, 9]
        sc["pairwise"] = [[a, b, rng.choice(scale)] for a, b in
                          ((chosen[i], chosen[j]) for i in range(len(chosen)) for j in range(i + 1, len(chosen)))]
    if rng.random() < 0.6:
        total = sum(a["cost_sek"] for a in areas)
        sc["budget_sek"] = int(total * rng.uniform(0.1, 0.8))
        if rng.random() < 0.3:
            sc["include"] = [rng.choice(ids)]
        if rng.random() < 0.3:
            sc["exclude"] = [rng.choice(ids)]
        # A stream of its own, so that the instances before cost_basis existed stay as they were.
        if random.Random(k * 7919 + 1).random() < 0.4:
            sc["cost_basis"] = "net"   # the budget counts cost minus external funding
    ap, sp = os.path.join(folder, f"areas-{k}.yaml"), os.path.join(folder, f"scenario-{k}.yaml")
    with open(ap, "w", encoding="utf-8") as f:
        yaml.safe_dump({"kind": "innovation-areas", "version": 1, "areas": areas}, f, allow_unicode=True)
    with open(sp, "w", encoding="utf-8") as f:
        yaml.safe_dump(sc, f, allow_unicode=True)
    return ap, sp


def check_random(styr, t, count, seed):
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        for k in range(count):
            ap, sp = random_instance(rng, k, folder)
            try:
                want = oracle.score(ap, [sp])
                got = styr_json(styr, ap, [sp])
                probs = compare_run(got, want)
            except Exception as e:  # noqa: BLE001
                probs = [f"could not run: {e}"]
            sc = want["scenarios"][0] if "want" in dir() else {}
            what = f"{sc.get('method')}, {'pairwise' if sc.get('cr') is not None else 'weights'}" \
                   f"{', budget' if 'portfolio' in sc else ''}, {len(want['ids'])} areas scored"
            t.result(f"random instance {k} (seed {seed}: {what})", probs)
            if probs:
                print(f"  kept for a look: {ap} {sp}")
                keep = os.path.join(tempfile.gettempdir(), f"styr-oracle-{seed}-{k}")
                os.makedirs(keep, exist_ok=True)
                for p in (ap, sp):
                    with open(p, encoding="utf-8") as src, open(os.path.join(keep, os.path.basename(p)), "w",
                                                                encoding="utf-8") as dst:
                        dst.write(src.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("styr")
    ap.add_argument("--random", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--golden")
    ap.add_argument("--out")
    a = ap.parse_args()
    styr = os.path.abspath(a.styr)
    t = Tally()
    if a.golden:
        found = [c for c in score_cases() if c[0] == a.golden]
        if not found:
            print(f"{a.golden} is not a score golden the oracle checks")
            return 0
        text = open(a.out, encoding="utf-8").read() if a.out else None
        check_case(styr, t, *found[0], out_text=text)
    else:
        cases = score_cases()
        for c in cases:
            check_case(styr, t, *c)
        check_random(styr, t, a.random, a.seed)
    print(f"{t.passed} passed, {t.failed} failed")
    return 1 if t.failed else 0


if __name__ == "__main__":
    import yaml  # noqa: E402,F811 (after the re-exec above)
    sys.exit(main())
