#!/usr/bin/env python3
"""`styr sensitivity --spread 0` against `styr score`: with no spread every
weight sample is the scenario's own weighting, so each area's rank
acceptability must be 1 at exactly the rank `styr score` gives it. Run for
TOPSIS scenarios with a cost criterion (the bug this exists for: SMAA with
TOPSIS ignoring the cost direction) and for a weighted-sum one.

usage: sensitivity_matches_score.py STYR   (from anywhere; runs in the repository root)
"""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AREAS = "scenarios/goteborg-areas.yaml"
SCENARIOS = ["tests/cli/data/scenario-topsis-cost.yaml", "scenarios/naringsliv-och-jobb.yaml",
             "scenarios/kostnadsmedveten.yaml"]


def run_json(styr, *args):
    out = subprocess.run([styr, *args, "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"FAIL styr {' '.join(args)}: exit {out.returncode}\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    styr = os.path.abspath(sys.argv[1])
    failed = passed = 0
    for scen in SCENARIOS:
        score = run_json(styr, "score", AREAS, "--scenario", scen)
        ranking = score["scenarios"][0]["ranking"]
        ranks = {r["area"]: r["rank"] for r in ranking}
        if len(set(ranks.values())) != len(ranks):
            sys.exit(f"FAIL {scen}: the scenario has ties; pick one without")
        for threads in ("1", "2"):
            sens = run_json(styr, "sensitivity", AREAS, "--scenario", scen, "--spread", "0",
                            "--samples", "64", "--threads", threads)
            problems = []
            for area, acc in sens["rank_acceptability"].items():
                want = [1 if k + 1 == ranks[area] else 0 for k in range(len(acc))]
                if acc != want:
                    got = [k + 1 for k, a in enumerate(acc) if a]
                    problems.append(f"{area}: score rank {ranks[area]}, acceptable at {got}")
            if sorted(sens["rank_acceptability"]) != sorted(ranks):
                problems.append("not the same areas")
            name = f"{scen} ({score['scenarios'][0]['method']}, {threads} thread(s))"
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(problems[:4]))
            else:
                passed += 1
                print(f"PASS {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
