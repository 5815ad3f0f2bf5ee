"""Pairwise precision/recall/F1 of `claimdesk cluster` on the hand-labelled domain set, and
whether each deliberate conflict is flagged.

Run: python -m bench.matching_quality [-v] [--split=tune|test|all] [--extended]
(--extended adds domain_claims_extra.jsonl: more paraphrases and hard negatives)."""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from matching.cluster_cli import record_signature
from matching.grouping import cluster
from matching.jsonl import read_jsonl
from matching.pairs import DEFAULT_THRESHOLDS, Thresholds

DATA = Path(__file__).resolve().parents[1] / "tests" / "matching" / "data" / "domain_claims.jsonl"
EXTRA = DATA.with_name("domain_claims_extra.jsonl")


def evaluate(records: list[dict], labels: list[int], conflicts: dict[int, set[int]]) -> dict:
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
    # A gold conflict group is "flagged" when some claim of it is in a cluster that conflicts
    # with a cluster holding a claim of the group it contradicts.
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
        if any(conflicts.get(m, set()) & theirs for m in mine):
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
    """'tune' (groups g01–g21) or 'test' (g22 on): tune on one half, report the other. The
    file is ordered by topic, so each half keeps its conflicts and hard negatives together."""
    if part == "all":
        return records
    first = part == "tune"
    return [r for r in records if (int(r["group"].lstrip("g")) <= 21) == first]


def run(records: list[dict], thresholds: Thresholds = DEFAULT_THRESHOLDS) -> dict:
    sigs = [record_signature(i, r) for i, r in enumerate(records)]
    result = cluster(sigs, thresholds=thresholds)
    return evaluate(records, result.labels, result.conflicts)


def main() -> int:
    verbose = "-v" in sys.argv
    part = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--split=")), "all")
    extended = "--extended" in sys.argv
    records = split(read_jsonl(DATA) + (read_jsonl(EXTRA) if extended else []), part)
    t0 = time.perf_counter()
    sigs = [record_signature(i, r) for i, r in enumerate(records)]
    result = cluster(sigs)
    elapsed = time.perf_counter() - t0
    m = evaluate(records, result.labels, result.conflicts)
    print(f"domain set{' + extra' if extended else ''} ({part}): {len(records)} claims, {len({r['group'] for r in records})} gold groups")
    print(f"pairwise precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}"
          f"  (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    print(f"conflicts flagged {m['conflicts_flagged']}/{m['conflicts_gold']}; "
          f"claim pairs wrongly flagged as conflicting {m['false_conflict_pairs']}")
    print(f"time {elapsed:.2f} s")
    if verbose:
        for title, pairs in (("WRONG MERGES", m["wrong"]), ("MISSED", m["missed"])):
            print(f"--- {title}")
            for i, j in pairs:
                print(f"  [{records[i]['group']}] {records[i]['text']}\n  [{records[j]['group']}] {records[j]['text']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
