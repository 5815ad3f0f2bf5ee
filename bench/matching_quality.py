"""Matching quality on every labelled set, in one table: pairwise P/R/F1 and conflicts found.

Run: python -m bench.matching_quality [-v] [--folds 5] [--only real|written|generated]
     [--target P]  (the precision the cut-off is chosen for in each fold; default: as shipped)
     [--by-topic]  (adds the real set held out one topic at a time)

Sets:
- ``cross-outlet-real`` (../shared/benchmarks): real sentences from real outlets, scored with
  cluster-wise k-fold cross-validation. Each fold's clusters (kept together with the clusters
  they conflict with) are held out; the pair model is refitted on the other folds' pairs
  (matching.pair_model), every sentence is grouped with that model, and only pairs with at
  least one held-out sentence are counted. Pairs between two held-out sentences and pairs
  between a held-out and a training sentence, so look-alikes in the training folds still
  count as false merges.
  With ``--by-topic`` also held out one topic at a time (the set labels each cluster with one
  of ten topics: territory, poll, nuclear …): the fairest guess at a real set on a topic
  nobody tuned on, since rules and names learnt from one topic's wording no longer help.
- our written set (tests/matching/data, regression) with the shipped weights.
- generated sets, when a generator module is present in bench/ (``bench.gen_*`` exposing
  ``generate(n, seed) -> list[dict]`` with ``id, text, date, group``), with the shipped weights.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import pkgutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from matching.grouping import cluster
from matching.jsonl import read_jsonl
from matching.records import record_signatures

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "matching" / "data" / "domain_claims.jsonl"
EXTRA = DATA.with_name("domain_claims_extra.jsonl")
REAL = ROOT.parent / "shared" / "benchmarks" / "cross-outlet-real"
if not REAL.is_dir():  # a worktree sits beside shared/ one level further down
    REAL = ROOT.parents[1] / "shared" / "benchmarks" / "cross-outlet-real"


def evaluate(records: list[dict], labels: list[int], conflicts: dict[int, set[int]]) -> dict:
    """Written-set scoring: ``group`` and ``conflict_group_of`` fields."""
    tp = fp = fn = 0
    wrong, missed = [], []
    for i, j in itertools.combinations(range(len(records)), 2):
        gold = records[i]["group"] == records[j]["group"]
        pred = labels[i] == labels[j]
        if gold and pred:
            tp += 1
        elif pred:
            fp += 1
            wrong.append((i, j))
        elif gold:
            fn += 1
            missed.append((i, j))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        groups.setdefault(r["group"], []).append(i)
    gold_conflicts = {(r["group"], r["conflict_group_of"]) for r in records
                      if r.get("conflict_group_of") in groups}
    # Two groups that contradict the same group give two wrong figures for one quantity: they
    # contradict each other too (not counted as flagged, but not as a false flag either).
    targets: dict[str, set[str]] = {}
    for g, target in gold_conflicts:
        targets.setdefault(target, set()).add(g)
    siblings = {(x, y) for gs in targets.values() for x in gs for y in gs if x != y}
    flagged = 0
    for g, other in gold_conflicts:
        mine = {labels[i] for i in groups[g]}
        theirs = {labels[i] for i in groups[other]}
        if not (mine & theirs) and any(conflicts.get(m, set()) & theirs for m in mine):
            flagged += 1
    false_flags = 0
    for i, j in itertools.combinations(range(len(records)), 2):
        li, lj = labels[i], labels[j]
        gi, gj = records[i]["group"], records[j]["group"]
        if (lj in conflicts.get(li, ()) and gi != gj and (gi, gj) not in siblings
                and (gi, gj) not in gold_conflicts and (gj, gi) not in gold_conflicts):
            false_flags += 1
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "conflicts_flagged": flagged, "conflicts_gold": len(gold_conflicts),
            "false_conflict_pairs": false_flags, "wrong": wrong, "missed": missed}


def split(records: list[dict], part: str) -> list[dict]:
    """'tune' (groups g01–g21) or 'test' (g22 on) of the written set."""
    if part == "all":
        return records
    first = part == "tune"
    return [r for r in records if (int(r["group"].lstrip("g")) <= 21) == first]


# --- the real set -----------------------------------------------------------------------------


def load_real() -> tuple[list[dict], list[tuple[str, str]]]:
    """The real sentences (``group`` = their cluster) and the listed conflict pairs."""
    records = read_jsonl(REAL / "claims.jsonl")
    for r in records:
        r["group"] = r["cluster"]
    pairs = []
    for line in (REAL / "conflicts.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, *_ = line.split("\t")
        pairs.append((a.strip(), b.strip()))
    return records, pairs


def cluster_folds(records: Sequence[dict], conflict_pairs: Sequence[tuple[str, str]],
                  k: int) -> dict[str, int]:
    """Fold of each cluster: clusters joined by a listed conflict stay in one fold; the rest
    are dealt out by a hash of their label (deterministic, independent of the file order)."""
    parent = {r["group"]: r["group"] for r in records}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in conflict_pairs:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    units = sorted({find(g) for g in parent},
                   key=lambda g: hashlib.sha256(g.encode()).hexdigest())
    fold_of_unit = {u: n % k for n, u in enumerate(units)}
    return {g: fold_of_unit[find(g)] for g in parent}


def topic_folds(records: Sequence[dict],
                conflict_pairs: Sequence[tuple[str, str]]) -> tuple[dict[str, int], int]:
    """Fold of each cluster = its topic (in name order); a listed conflict across two topics
    would put both in the first one's fold, as ``cluster_folds`` keeps them together."""
    topics = sorted({r["topic"] for r in records})
    fold = {r["group"]: topics.index(r["topic"]) for r in records}
    for a, b in conflict_pairs:
        if a in fold and b in fold:
            fold[b] = fold[a]
    return fold, len(topics)


def score_pairs_subset(records: Sequence[dict], labels: Sequence[int],
                       conflicts: dict[int, set[int]], counted: Callable[[int, int], bool],
                       conflict_pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(records)), 2):
        if not counted(i, j):
            continue
        gold = records[i]["group"] == records[j]["group"]
        pred = labels[i] == labels[j]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    members: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        members.setdefault(r["group"], []).append(i)
    found = 0
    for a, b in conflict_pairs:
        la = {labels[i] for i in members.get(a, ())}
        lb = {labels[i] for i in members.get(b, ())}
        if la and lb and not (la & lb) and any(conflicts.get(x, set()) & lb for x in la):
            found += 1
    # Flags between two clusters the set does not list as conflicting (some are its neutral
    # pairs: updates of a running total, which are neither rewarded nor penalised).
    listed = {frozenset(p) for p in conflict_pairs}
    flagged: set[frozenset[str]] = set()
    for i, j in itertools.combinations(range(len(records)), 2):
        gi, gj = records[i]["group"], records[j]["group"]
        if (gi != gj and counted(i, j) and labels[j] in conflicts.get(labels[i], ())
                and frozenset((gi, gj)) not in listed):
            flagged.add(frozenset((gi, gj)))
    return {"tp": tp, "fp": fp, "fn": fn, "conflicts_found": found,
            "conflicts_gold": len(conflict_pairs), "false_conflicts": len(flagged)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


Matcher = Callable[[list[dict], Any], tuple[list[int], dict[int, set[int]]]]


def group_records(records: list[dict], model: Any = None) -> tuple[list[int], dict[int, set[int]]]:
    sigs = record_signatures(records)
    result = cluster(sigs, **({"model": model} if model is not None else {}))
    return result.labels, result.conflicts


def real_cv(k: int, verbose: bool = False, target: float | None = None,
            by_topic: bool = False) -> dict[str, Any]:
    """Cluster-wise k-fold CV (``by_topic``: one fold per topic). The features of every pair
    are computed once (the word weights are counted over all sentences: unsupervised, no
    labels); the models of each fold are fitted on the pairs whose two sentences are both in
    the training folds, and on the written set."""
    records, conflict_pairs = load_real()
    if by_topic:
        folds, k = topic_folds(records, conflict_pairs)
    else:
        folds = cluster_folds(records, conflict_pairs, k)
    fitting = importlib.import_module("matching.fit_pair_model")
    if target is not None:
        fitting.TARGET_PRECISION = target
    x, same, slot, pairs = fitting.pair_matrix(
        [{**r, "cluster": r["group"]} for r in records], conflict_pairs)
    record_fold = [folds[r["group"]] for r in records]
    # The written set is part of every fold's training data, as it is of the shipped weights.
    written, written_conflicts = fitting.written_set()
    written_matrix = fitting.pair_matrix(written, written_conflicts)
    written_folds = [hash_fold(r["cluster"], fitting.INNER_FOLDS) for r in written]
    total = {"tp": 0, "fp": 0, "fn": 0, "conflicts_found": 0, "conflicts_gold": 0,
             "false_conflicts": 0}
    per_fold = []
    for fold in range(k):
        held = [f == fold for f in record_fold]
        train_rows = [n for n, (i, j) in enumerate(pairs) if not held[i] and not held[j]]
        inner = [hash_fold(r["group"], fitting.INNER_FOLDS) for r in records]
        x_all, same_all, slot_all, pairs_all, folds_all = fitting.stack([
            (x[train_rows], same[train_rows], slot[train_rows],
             [pairs[n] for n in train_rows], inner),
            (*written_matrix, written_folds)])
        model = fitting.fit_matrix(x_all, same_all, slot_all, pairs_all, folds_all)
        labels, conflicts = group_records(records, model)
        fold_conflicts = [(a, b) for a, b in conflict_pairs if folds.get(a) == fold]
        m = score_pairs_subset(records, labels, conflicts,
                               lambda i, j, held=held: held[i] or held[j], fold_conflicts)
        per_fold.append(m)
        for key in total:
            total[key] += m[key]
        if verbose:
            p, r, f = prf(m["tp"], m["fp"], m["fn"])
            print(f"  fold {fold}: P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {m['tp']} fp {m['fp']} "
                  f"fn {m['fn']}) conflicts {m['conflicts_found']}/{m['conflicts_gold']}",
                  flush=True)
    return {**total, "per_fold": per_fold}


def hash_fold(label: str, k: int) -> int:
    return int(hashlib.sha256(label.encode()).hexdigest(), 16) % k


def real_full(model: Any = "shipped") -> dict[str, Any]:
    """The whole real set grouped once (shipped weights: tuned on it, so NOT a fair score)."""
    records, conflict_pairs = load_real()
    labels, conflicts = group_records(records, None if model == "shipped" else model)
    return score_pairs_subset(records, labels, conflicts, lambda i, j: True, conflict_pairs)


def written() -> dict[str, Any]:
    records = read_jsonl(DATA) + read_jsonl(EXTRA)
    labels, conflicts = group_records(records)
    m = evaluate(records, labels, conflicts)
    return {"tp": m["tp"], "fp": m["fp"], "fn": m["fn"], "conflicts_found": m["conflicts_flagged"],
            "conflicts_gold": m["conflicts_gold"], "false_conflicts": m["false_conflict_pairs"]}


def generated_sets() -> list[tuple[str, list[dict]]]:
    out = []
    for info in sorted(pkgutil.iter_modules([str(ROOT / "bench")]), key=lambda m: m.name):
        if not info.name.startswith("gen_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        generate = getattr(module, "generate", None)
        if generate is None:
            continue
        out.append((info.name, generate(3000, 7)))
    return out


def _row(name: str, m: dict[str, Any]) -> str:
    p, r, f = prf(m["tp"], m["fp"], m["fn"])
    conf = (f"{m['conflicts_found']}/{m['conflicts_gold']}" if m.get("conflicts_gold")
            else "—")
    false = str(m["false_conflicts"]) if m.get("false_conflicts") is not None else "—"
    return f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {conf} | {false} |"


def main() -> int:
    verbose = "-v" in sys.argv
    k = 5
    if "--folds" in sys.argv:
        k = int(sys.argv[sys.argv.index("--folds") + 1])
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    target = float(sys.argv[sys.argv.index("--target") + 1]) if "--target" in sys.argv else None
    rows = []
    t0 = time.perf_counter()
    c0 = time.process_time()
    if only in (None, "real"):
        if REAL.is_dir():
            cv = real_cv(k, verbose, target)
            rows.append(_row(f"cross-outlet-real, {k}-fold CV by cluster", cv))
            if "--by-topic" in sys.argv:
                by_topic = real_cv(k, verbose, target, by_topic=True)
                rows.append(_row("cross-outlet-real, one topic held out at a time", by_topic))
            rows.append(_row("cross-outlet-real, shipped weights (seen in fitting)", real_full()))
        else:
            print(f"(no {REAL}: real set skipped)")
    if only in (None, "written"):
        rows.append(_row("written set (tests/matching/data; also fitted on: regression)",
                         written()))
    if only in (None, "generated"):
        for name, records in generated_sets():
            labels, conflicts = group_records(records)
            m = evaluate(records, labels, conflicts)
            rows.append(_row(f"generated: {name} ({len(records)})",
                             {"tp": m["tp"], "fp": m["fp"], "fn": m["fn"],
                              "conflicts_found": m["conflicts_flagged"],
                              "conflicts_gold": m["conflicts_gold"],
                              "false_conflicts": m["false_conflict_pairs"]}))
    print("| data | pairwise P | R | F1 | conflicts found | false conflict flags |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print("(false conflict flags: pairs of gold clusters flagged but not listed as conflicting on the "
          "real set, some of them its neutral updates; pairs of claims on the other sets)")
    print(f"time {time.perf_counter() - t0:.1f} s, CPU {time.process_time() - c0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
