"""Error analysis of a generated set at the size ``bench.matching_quality`` uses: the wrong
pairs (two gold groups in one claim group) and the false conflict flags, by cause.

Run: python -m bench.generated_errors [--gen real_noisy] [--n 3000] [--seed 7]
     [--only fp|flags] [--limit N] [--brief]

With the shipped weights, as ``matching_quality`` groups the generated sets. Wrong pairs are
counted per pair of gold groups and split by how the two groups came together:
- ``direct``: a link of the grouping run (a pair scored the same claim that joined two
  groups) has one claim of each gold group: the links are listed, with their sources when
  the generator names them (``source``: gen_real_noisy's real sentence id);
- ``chained``: no link joins the two gold groups; they met through a third one.
False flags (conflicts between two groups that the gold does not list) are counted per pair of
gold groups, with one of the conflicting pairs and the figures that differ.
Generated sentences may replicate real ones from ../shared: they are printed, never stored.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from typing import Any

from bench.generated_sets import labelled_set
from matching.grouping import cluster
from matching.pairs import PairResult, Relation
from matching.records import record_signatures


def _text(r: dict[str, Any], width: int = 160) -> str:
    t = r["text"]
    return t if len(t) <= width else t[: width - 3] + "..."


def _source(r: dict[str, Any]) -> str:
    return str(r.get("source", r["id"]))


def _why(res: PairResult) -> str:
    e = res.explanation
    keys = [k for k in e if k not in {"decided_by", "p_same", "p_same_slot", "similarity",
                                      "deciding", "frames"}]
    frames = "; ".join(f"{f['measure']} {f['values'][0]}|{f['values'][1]} "
                       f"@{f['period'][0]}|{f['period'][1]}" for f in e.get("frames", []))
    return (f"{res.relation.value} p_same={e.get('p_same')} p_slot={e.get('p_same_slot')} "
            f"sim={e.get('similarity')} frames=[{frames}] {' '.join(keys)}")


def analyse(gen: str, n: int, seed: int, only: str | None, limit: int, brief: bool) -> None:
    records = labelled_set(gen, n, seed)
    sigs = record_signatures(records)
    result = cluster(sigs, keep_scores=True)
    labels = result.labels
    gold = [r["group"] for r in records]
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    size = Counter(gold)
    wrong: Counter[tuple[str, str]] = Counter()
    for ms in members.values():
        count = Counter(gold[i] for i in ms)
        names = sorted(count)
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                wrong[(a, b)] += count[a] * count[b]
    predicted = sum(len(ms) * (len(ms) - 1) // 2 for ms in members.values())
    fp = sum(wrong.values())
    print(f"{gen} ({len(records)} claims, seed {seed}): {predicted} pairs grouped, "
          f"{fp} wrong (P {(predicted - fp) / predicted if predicted else 1:.3f})")
    bridges: dict[tuple[str, str], list[tuple[int, int, PairResult]]] = defaultdict(list)
    for (i, j), res in result.links.items():
        if res.relation is Relation.SAME and gold[i] != gold[j]:
            a, b = sorted((gold[i], gold[j]))
            bridges[(a, b)].append((i, j, res))
    if only in (None, "fp"):
        by_cause = Counter()
        for key, count in wrong.items():
            by_cause["direct" if key in bridges else "chained"] += count
        print("wrong pairs by cause: " + ", ".join(f"{c} {v}" for c, v in by_cause.most_common()))
        for (a, b), count in wrong.most_common():
            links = bridges.get((a, b), [])
            print(f"\n-- {a} ({size[a]}) | {b} ({size[b]}): {count} wrong pairs, "
                  f"{'direct, ' + str(len(links)) + ' links' if links else 'chained'} --")
            by_source = Counter(tuple(sorted((_source(records[i]), _source(records[j]))))
                                for i, j, _ in links)
            if links:
                print("   links by source: " + ", ".join(
                    f"{x}~{y} ×{c}" for (x, y), c in by_source.most_common(10)))
            if brief:
                continue
            shown: set[tuple[str, str]] = set()
            for i, j, res in links:
                key = tuple(sorted((_source(records[i]), _source(records[j]))))
                if key in shown or len(shown) >= limit:
                    continue
                shown.add(key)
                print(f"   {records[i]['id']}~{records[j]['id']} {_why(res)}")
                for r in (records[i], records[j]):
                    print(f"      [{_source(r)} {r.get('date') or 'no date'}] {_text(r)}")
    if only in (None, "flags"):
        pairs_of: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for la, others in result.conflicts.items():
            for lb in others:
                if la >= lb:
                    continue
                for i in members[la]:
                    for j in members[lb]:
                        if gold[i] != gold[j]:
                            pairs_of[tuple(sorted((gold[i], gold[j])))].append((i, j))
        listed = {frozenset((r["group"], r["conflict_group_of"])) for r in records
                  if r.get("conflict_group_of")}
        false = {k: v for k, v in pairs_of.items() if frozenset(k) not in listed}
        print(f"\n== conflict flags: {sum(len(v) for v in pairs_of.values())} claim pairs; "
              f"not listed: {sum(len(v) for v in false.values())} claim pairs "
              f"over {len(false)} pairs of gold groups ==")
        conflict_links = {k: v for k, v in result.links.items()
                          if v.relation is Relation.CONFLICT}
        for (a, b), items in sorted(false.items(), key=lambda kv: -len(kv[1])):
            print(f"\n-- {a} | {b}: {len(items)} --")
            if brief:
                continue
            examples = [(i, j, res) for (i, j), res in conflict_links.items()
                        if {gold[i], gold[j]} == {a, b}][:limit]
            for i, j, res in examples:
                print(f"   {i}~{j} {_why(res)} differ={res.explanation.get('figures_differ')}")
                for r in (records[i], records[j]):
                    print(f"      [{_source(r)} {r.get('date') or 'no date'}] {_text(r)}")


def main() -> int:
    args = sys.argv[1:]

    def opt(name: str, default: str) -> str:
        return args[args.index(name) + 1] if name in args else default

    only = opt("--only", "") or None
    analyse(opt("--gen", "real_noisy"), int(opt("--n", "3000")), int(opt("--seed", "7")),
            only, int(opt("--limit", "5")), "--brief" in args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
