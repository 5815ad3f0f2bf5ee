"""Error analysis of the learned matching on the real set: missed and wrong pairs of the CV folds, by cause.

Run: python -m bench.matching_errors [--folds 5] [--only fn|fp|conflicts|flags] [--limit N] [--brief]

Reads ``../shared/benchmarks/cross-outlet-real`` at run time (the sentences are printed here,
never stored in the project). The folds, models and counted pairs are those of
``bench.matching_quality`` (cluster-wise cross-validation): each fold's model is fitted
without the held-out clusters, every sentence is grouped with it, and a pair is counted when
at least one of its sentences is held out.

Causes:
- missed (same claim, separate groups): ``not a candidate`` (blocking never proposed the pair;
  the fold's model's verdict on it is shown), ``values contradict`` (a frame conflict inside
  one claim: a misread figure or period), ``below cut-off`` (scored, p_same too low),
  ``refused at join`` (scored same, but the complete-link or average-link guard refused the
  join), ``joined elsewhere`` (scored same, each side ended in another group);
- wrong (different claims, one group): ``direct`` (the pair itself was scored same) or
  ``chained`` (joined through other members);
- listed conflicts: ``found``, ``merged`` (one group), ``contradiction, slot too low``,
  ``no contradiction`` (the frames did not see clashing values), ``never compared``.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from bench.matching_quality import cluster_folds, hash_fold, load_real
from matching.decide import decide_pair
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pair_model import frame_idf
from matching.pairs import Relation
from matching.records import record_signatures
from matching.signature import ClaimSig


def _frames(sig: ClaimSig) -> str:
    parts = []
    for f in sig.frames:
        period = f.period or "?"
        mark = "" if f.period_stated else "~"
        parts.append(f"{f.measure}{'' if f.precise else '*'} {f.interval_text()} @{mark}{period}")
    return "; ".join(parts) or "(no frames)"


def _show(records: Sequence[dict], sigs: Sequence[ClaimSig], i: int, j: int, note: str,
          brief: bool) -> None:
    a, b = records[i], records[j]
    print(f"  {a['id']}~{b['id']} [{a['group']} | {b['group']}] {note}")
    if brief:
        return
    for r, s in ((a, sigs[i]), (b, sigs[j])):
        text = r["text"] if len(r["text"]) <= 200 else r["text"][:197] + "..."
        print(f"      {r['id']} ({r.get('date') or 'no date'}) {text}")
        print(f"         frames: {_frames(s)}")


def analyse(k: int = 5, only: str | None = None, limit: int = 1000, brief: bool = False) -> None:
    records, conflict_pairs = load_real()
    folds = cluster_folds(records, conflict_pairs, k)
    fitting = importlib.import_module("matching.fit_pair_model")
    x, same, slot, pairs = fitting.pair_matrix(
        [{**r, "cluster": r["group"]} for r in records], conflict_pairs)
    written, written_conflicts = fitting.written_set()
    written_matrix = fitting.pair_matrix(written, written_conflicts)
    written_folds = [hash_fold(r["cluster"], fitting.INNER_FOLDS) for r in written]
    sigs = record_signatures(records)
    n = len(sigs)
    idf = {**idf_table(document_frequencies(sigs), n), **frame_idf(sigs)}
    import math
    default_idf = math.log(1 + (n + 0.5) / 1.5)
    record_fold = [folds[r["group"]] for r in records]
    inner = [hash_fold(r["group"], fitting.INNER_FOLDS) for r in records]
    missed: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    wrong: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    conflicts_by: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    false_flags: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    listed = {frozenset(p) for p in conflict_pairs}
    for fold in range(k):
        held = [f == fold for f in record_fold]
        train = [m for m, (i, j) in enumerate(pairs) if not held[i] and not held[j]]
        model = fitting.fit_matrix(*fitting.stack([
            (x[train], same[train], slot[train], [pairs[m] for m in train], inner),
            (*written_matrix, written_folds)]))
        result = cluster(sigs, model=model, keep_scores=True)
        labels, scored = result.labels, result.scored or {}
        refused = set(result.refused or ())

        def verdict(i: int, j: int, model: Any = model, scored: dict = scored) -> Any:
            return scored.get((i, j)) or decide_pair(sigs[i], sigs[j], idf=idf,
                                                    default_idf=default_idf, model=model)

        for i in range(n):
            for j in range(i + 1, n):
                if not (held[i] or held[j]):
                    continue
                gold = records[i]["group"] == records[j]["group"]
                pred = labels[i] == labels[j]
                if gold and not pred:
                    res = verdict(i, j)
                    note = f"p={res.score:.3f} {res.relation.value}"
                    if (i, j) not in scored:
                        cause = "not a candidate"
                    elif res.explanation.get("figures_differ"):
                        cause = "values contradict"
                        note += f" differ={res.explanation['figures_differ']}"
                    elif res.relation is Relation.SAME and (i, j) in refused:
                        cause = "refused at join"
                    elif res.relation is Relation.SAME:
                        cause = "joined elsewhere"
                    else:
                        cause = "below cut-off"
                    missed[cause].append((i, j, f"fold {fold} {note}"))
                elif pred and not gold:
                    res = scored.get((i, j))
                    direct = res is not None and res.relation is Relation.SAME
                    note = f"p={res.score:.3f}" if res is not None else ""
                    wrong["direct" if direct else "chained"].append((i, j, f"fold {fold} {note}"))
        for (i, j), res in sorted(scored.items()):
            gi, gj = records[i]["group"], records[j]["group"]
            # A flag is one the grouping keeps between the two groups (matching.group_periods
            # sets aside a pair's conflict once each claim takes its group's periods).
            if (res.relation is Relation.CONFLICT and gi != gj and (held[i] or held[j])
                    and frozenset((gi, gj)) not in listed
                    and labels[j] in result.conflicts.get(labels[i], set())):
                false_flags[f"{gi}|{gj}"].append(
                    (i, j, f"fold {fold} p_slot={res.score:.3f} "
                           f"differ={res.explanation.get('figures_differ')}"))
        members: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            members[r["group"]].append(i)
        for ga, gb in conflict_pairs:
            if folds.get(ga) != fold or ga not in members or gb not in members:
                continue
            la = {labels[i] for i in members[ga]}
            lb = {labels[i] for i in members[gb]}
            if la & lb:
                conflicts_by["merged"].append((ga, gb, ""))
                continue
            if any(result.conflicts.get(a, set()) & lb for a in la):
                conflicts_by["found"].append((ga, gb, ""))
                continue
            cross = [(min(i, j), max(i, j)) for i in members[ga] for j in members[gb]]
            seen = [scored[p] for p in cross if p in scored]
            if not seen:
                best = max((verdict(*p) for p in cross), key=lambda r: r.score)
                conflicts_by["never compared"].append(
                    (ga, gb, f"best if compared: {best.relation.value} p={best.score:.3f} "
                             f"differ={best.explanation.get('figures_differ')}"))
            elif any(r.explanation.get("figures_differ") for r in seen):
                best = max((r for r in seen if r.explanation.get("figures_differ")),
                           key=lambda r: r.score)
                conflicts_by["contradiction, slot too low"].append(
                    (ga, gb, f"p_slot={best.explanation.get('p_same_slot')} "
                             f"differ={best.explanation['figures_differ']}"))
            else:
                best = max(seen, key=lambda r: r.score)
                conflicts_by["no contradiction"].append(
                    (ga, gb, f"{len(seen)} compared, best {best.relation.value} "
                             f"p={best.score:.3f} frames={best.explanation.get('frames')}"))
        print(f"fold {fold} done", file=sys.stderr, flush=True)

    def section(title: str, groups: dict[str, list[tuple[int, int, str]]]) -> None:
        total = sum(len(v) for v in groups.values())
        print(f"\n== {title}: {total} pairs ==")
        for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n-- {cause}: {len(items)} --")
            by_cluster = Counter((records[i]["group"], records[j]["group"]) for i, j, _ in items)
            print("   by clusters: " + ", ".join(f"{a}|{b} ×{c}" if a != b else f"{a} ×{c}"
                                                for (a, b), c in by_cluster.most_common(12)))
            for i, j, note in items[:limit]:
                _show(records, sigs, i, j, note, brief)

    if only in (None, "fn"):
        section("missed (same claim, apart)", missed)
    if only in (None, "fp"):
        section("wrong (different claims, together)", wrong)
    if only in (None, "conflicts", "flags"):
        print(f"\n== false conflict flags: {len(false_flags)} cluster pairs, "
              f"{sum(len(v) for v in false_flags.values())} claim pairs scored conflict ==")
        for key, items in sorted(false_flags.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n-- {key}: {len(items)} --")
            for i, j, note in items[:limit]:
                _show(records, sigs, i, j, note, brief)
    if only in (None, "conflicts"):
        total = sum(len(v) for v in conflicts_by.values())
        print(f"\n== listed conflicts: {total} ==")
        for cause, items in sorted(conflicts_by.items(), key=lambda kv: -len(kv[1])):
            print(f"\n-- {cause}: {len(items)} --")
            for ga, gb, note in items:
                print(f"  {ga} × {gb} {note}")


def main() -> int:
    args = sys.argv[1:]
    k = int(args[args.index("--folds") + 1]) if "--folds" in args else 5
    only = args[args.index("--only") + 1] if "--only" in args else None
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 1000
    analyse(k, only, limit, "--brief" in args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
