#!/usr/bin/env python3
"""oracle.py - an independent reference for styr's prioritisation.

It recomputes, from the YAML files alone and without any of styr's code,
what `styr score` must say: which areas are left out, the criterion values
of the Göteborg model (rules/goteborg/model.lua, read by a person and written
again here), the normalised weights (direct, default, or AHP from pairwise
judgements with Saaty's random index), weighted-sum and TOPSIS scores, ranks
with ties, the consistency ratio, and the best portfolio within a budget (by
brute force over every subset, not dynamic programming as styr does).

It is a library for check.py; FORMATS.md sections 2 and 3 are its spec.
"""
import itertools
import math
import re
import os
import unicodedata

import numpy as np
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Saaty (1980), n = 1..15.
RANDOM_INDEX = [0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
TIE = 1e-9


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


# ------------------------------------------------------------ the registry

def fold(text):
    """The registry's matching: trimmed, case-insensitive."""
    return unicodedata.normalize("NFC", str(text).strip()).casefold()


class Registry:
    def __init__(self, path=os.path.join(ROOT, "rules", "goteborg", "registry.yaml")):
        doc = load_yaml(path)
        self.names = {}
        self.yearly = {}
        for kind in ("owners", "programs", "funders"):
            known, yearly = set(), set()
            # FORMATS.md section 10 also calls the owners `boards`.
            entries = (doc.get(kind) or []) + ((doc.get("boards") or []) if kind == "owners" else [])
            for e in entries:
                names = [e["name"]] + list(e.get("aliases") or [])
                # An office (förvaltning) written as owner stands for its board.
                names += list(e.get("offices") or []) if kind == "owners" else []
                known.update(fold(n) for n in names)
                if e.get("yearly"):
                    yearly.update(fold(n) for n in names)
            self.names[kind] = known
            self.yearly[kind] = yearly

    def known(self, kind, text):
        if text is None or isinstance(text, (list, dict)):
            return False
        t = fold(text)
        if t in self.names[kind]:
            return True
        # yearly: true accepts the name followed by any year ("... budget 2024").
        m = re.match(r"^(.*\S)\s+(\d{4})$", t)
        return bool(m) and m.group(1) in self.yearly[kind]


# --------------------------------------------------------------- the model

def _count(v):
    return len(v) if isinstance(v, list) else 0


def _number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _external_share(a):
    cost, ext = a.get("cost_sek"), a.get("external_funding_sek", 0) or 0
    if not _number(cost):
        return None
    if cost <= 0:
        return 0.0
    return min(ext / cost, 1.0)


# (id, scale or None, cost?, default weight, value): value is "assessment" or a function of (area, registry).
GOTEBORG = [
    ("benefit_residents", (1, 5), False, 2, "assessment"),
    ("benefit_visitors", (1, 5), False, 1, "assessment"),
    ("benefit_business", (1, 5), False, 2, "assessment"),
    ("equality", (1, 5), False, 2, "assessment"),
    ("sustainability", (1, 5), False, 2, "assessment"),
    ("collaboration", (1, 5), False, 1, "assessment"),
    ("feasibility", (1, 5), False, 1, "assessment"),
    ("job_growth", (1, 5), False, 1, "assessment"),
    ("strategy_fit", (0, 5), False, 1, lambda a, r: _count(a.get("strategies"))),
    ("program_links", None, False, 1,
     lambda a, r: sum(1 for p in (a.get("programs") or []) if r.known("programs", p))),
    ("cost", None, True, 1, lambda a, r: a.get("cost_sek")),
    ("external_share", (0, 1), False, 1, lambda a, r: _external_share(a)),
]
CRITERIA = [c[0] for c in GOTEBORG]


def area_values(areas, registry):
    """(kept ids, value matrix n x m, {left-out id: why}) for an areas document."""
    kept, rows, left_out, seen = [], [], {}, set()
    every_id = {str(a["id"]) for a in areas.get("areas") or [] if isinstance(a, dict) and a.get("id") is not None}
    for i, a in enumerate(areas.get("areas") or []):
        if not isinstance(a, dict) or a.get("id") is None:
            left_out[f"areas[{i}]"] = "no id" if isinstance(a, dict) else "not a mapping"   # named by its place
            continue
        aid = str(a["id"])
        if aid in seen:
            left_out[aid] = "duplicate id"
            continue
        seen.add(aid)
        why, row = None, []
        for cid, scale, _, _, value in GOTEBORG:
            if value == "assessment":
                v = (a.get("assessments") or {}).get(cid)
                if not _number(v):
                    why = why or f"no assessment of {cid}"
                elif scale and not scale[0] <= v <= scale[1]:
                    why = why or f"{cid} {v} outside the scale"
            else:
                v = value(a, registry)
                if not _number(v):
                    why = why or f"no value of {cid}"
            row.append(float(v) if _number(v) else 0.0)
        if not _number(a.get("cost_sek")) or a["cost_sek"] < 0:
            why = why or "no cost"
        if not registry.known("owners", a.get("owner")):
            why = why or "owner not in the registry"
        if any(not registry.known("programs", p) for p in (a.get("programs") or [])):
            why = why or "a programme not in the registry"
        # requires/excludes naming no area of the file, or the area itself
        # (the rule area.dependency.unknown, an error: the area is left out)
        for field in ("requires", "excludes"):
            for d in a.get(field) or [] if isinstance(a.get(field), list) else []:
                if d is None or (isinstance(d, str) and not d.strip()):
                    continue
                if str(d) not in every_id or str(d) == aid:
                    why = why or f"{field} names no other area of the file"
        if why:
            left_out[aid] = why
        else:
            kept.append((aid, a))
            rows.append(row)
    x = np.array(rows, dtype=float).reshape(len(rows), len(GOTEBORG))
    return kept, x, left_out


# ------------------------------------------------------------------ weights

def ahp(pairs):
    """Weights (dict) and CR from judgements [a, b, v]: a is v times as important as b."""
    names = []
    for a, b, _ in pairs:
        for c in (a, b):
            if c not in names:
                names.append(c)
    n = len(names)
    m = np.ones((n, n))
    for a, b, v in pairs:
        i, j = names.index(a), names.index(b)
        if isinstance(v, str):   # "1/3": a fraction as Saaty's scale writes it
            p, q = v.split("/")
            v = int(p) / int(q)
        m[i, j], m[j, i] = v, 1.0 / v
    vals, vecs = np.linalg.eig(m)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    lam = float(vals[k].real)
    cr = 0.0 if n <= 2 else ((lam - n) / (n - 1)) / RANDOM_INDEX[n - 1]
    return dict(zip(names, w)), cr, n


def weights(scenario):
    """(weight vector over CRITERIA summing to 1, CR or None)."""
    if scenario.get("pairwise") is not None and scenario.get("weights") is None:
        w, cr, n = ahp(scenario["pairwise"])
        vec = np.array([w.get(c, 0.0) for c in CRITERIA])
        return vec / vec.sum(), cr
    if scenario.get("weights") is not None:
        raw = np.array([float(scenario["weights"].get(c, 0) or 0) for c in CRITERIA])
    else:
        raw = np.array([float(c[3]) for c in GOTEBORG])
    return raw / raw.sum(), None


# ------------------------------------------------------------------ scoring

def normalised(x):
    """Weighted-sum normalisation: the declared scale, else min-max (constant -> 0.5); cost inverted."""
    out = np.zeros_like(x)
    for j, (_, scale, cost, _, _) in enumerate(GOTEBORG):
        col = x[:, j]
        if scale:
            n = (col - scale[0]) / (scale[1] - scale[0])
        elif len(col) and col.max() > col.min():
            n = (col - col.min()) / (col.max() - col.min())
        else:
            n = np.full_like(col, 0.5)
        out[:, j] = 1.0 - n if cost else n
    return out


def weighted_sum(x, w):
    return normalised(x) @ w


def topsis(x, w):
    norms = np.sqrt((x ** 2).sum(axis=0))
    r = np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)
    v = r * w
    cost = np.array([c[2] for c in GOTEBORG])
    best = np.where(cost, v.min(axis=0), v.max(axis=0))
    worst = np.where(cost, v.max(axis=0), v.min(axis=0))
    dp = np.sqrt(((v - best) ** 2).sum(axis=1))
    dm = np.sqrt(((v - worst) ** 2).sum(axis=1))
    tot = dp + dm
    return np.divide(dm, tot, out=np.full_like(dm, 0.5), where=tot > 0)


def ranks(scores):
    """Rank 1 + the number of areas scoring more (ties share a rank)."""
    return [1 + sum(1 for t in scores if t > s + TIE * max(1.0, abs(s))) for s in scores]


# ---------------------------------------------------------------- portfolio

def best_portfolio(ids, areas, scores, scenario):
    """(feasible, best total score, [sets of ids reaching it]) by brute force."""
    budget = float(scenario["budget_sek"])
    # an empty item ("-" alone) names no area: passed over, as styr does
    include = {a for a in scenario.get("include") or [] if a is not None}
    exclude = {a for a in scenario.get("exclude") or [] if a is not None}
    n = len(ids)
    idx = {a: i for i, a in enumerate(ids)}
    # cost_basis: gross (default) counts cost_sek; net counts what the city
    # pays itself, cost_sek minus external_funding_sek, never below 0.
    net = scenario.get("cost_basis") == "net"
    cost = np.array([max(0.0, float(a.get("cost_sek")) - float(a.get("external_funding_sek") or 0)) if net
                     else float(a.get("cost_sek")) for a in areas])
    if n > 22:
        raise ValueError("too many areas for brute force")
    masks = np.arange(1 << n, dtype=np.int64)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)
    ok = bits @ cost <= budget * (1 + 1e-12) + 1e-6
    for a in include:
        ok &= bits[:, idx[a]] if a in idx else False
    for a in exclude:
        if a in idx:
            ok &= ~bits[:, idx[a]]
    for i, a in enumerate(areas):
        for r in a.get("requires") or []:
            ok &= ~bits[:, i] | (bits[:, idx[r]] if r in idx else False)
        for e in a.get("excludes") or []:
            if e in idx:
                ok &= ~(bits[:, i] & bits[:, idx[e]])
    if not ok.any():
        return False, None, []
    total = bits @ np.array(scores)
    best = total[ok].max()
    winners = [frozenset(ids[i] for i in range(n) if bits[k, i])
               for k in np.nonzero(ok & (total >= best - 1e-9))[0]]
    return True, float(best), winners


# ------------------------------------------------------------------- a run

def score(areas_path, scenario_paths, registry=None):
    """What `styr score AREAS --scenario S...` must report, as plain data."""
    registry = registry or Registry()
    areas = load_yaml(areas_path)
    kept, x, left_out = area_values(areas, registry)
    ids = [a for a, _ in kept]
    out = {"left_out": left_out, "ids": ids, "scenarios": []}
    every_id = {str(a["id"]) for a in areas.get("areas") or [] if isinstance(a, dict) and a.get("id") is not None}
    for sp in scenario_paths:
        sc = load_yaml(sp)
        named = [a for a in list(sc.get("include") or []) + list(sc.get("exclude") or []) if a is not None]
        named_crit = list((sc.get("weights") or {}).keys()) + [c for j in sc.get("pairwise") or [] for c in j[:2]]
        if any(str(a) not in every_id for a in named) or any(c not in CRITERIA for c in named_crit):
            continue   # a scenario with errors is not scored (scenario.*.unknown-*)
        w, cr = weights(sc)
        s = topsis(x, w) if sc.get("method") == "topsis" else weighted_sum(x, w)
        r = {"id": sc.get("id"), "method": sc.get("method", "weighted-sum"),
             "weights": dict(zip(CRITERIA, w)), "cr": cr,
             "scores": dict(zip(ids, s)), "ranks": dict(zip(ids, ranks(list(s))))}
        if sc.get("budget_sek") is not None:
            r["portfolio"] = best_portfolio(ids, [a for _, a in kept], list(s), sc)
        out["scenarios"].append(r)
    return out


if __name__ == "__main__":
    import json
    import sys
    res = score(sys.argv[1], sys.argv[2:])
    for sc in res["scenarios"]:
        sc["portfolio"] = [sc["portfolio"][0], sc["portfolio"][1], [sorted(s) for s in sc["portfolio"][2]]] \
            if "portfolio" in sc else None
    print(json.dumps(res, indent=1, default=float))
