"""Measures at scale: what working out measures adds to matching, and a 5,000-point timeline.

1. In memory, N generated claims: signatures + grouping (what ``claimdesk cluster`` does)
   against measures from the same signatures (``matching.measures.measures_of``).
2. In a database (unless --skip-db): the first matching run of N stored claims (index +
   bulk grouping) against ``workflows.measuring.update_measures`` on them as
   ``match_and_measure`` runs it: from the signatures matching built (their roles and frames
   already worked out), writing the values in bulk. The bar: measures add at most 10 % to
   matching. With --cold also the same from the database alone (``remeasure_all``: reads
   every claim's figures, works out roles and frames again), the path of a version upgrade.
3. A measure with 5,000 claims: the timeline's data (``timeline_points``) and the reference
   comparison (``compare_with_reference``), wall and CPU.

Run: python -m bench.bench_measures [--n 100000] [--gen base] [--skip-db] [--cold] [--points 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_db import store_articles
from bench.bench_matching import cpu_seconds, peak_rss_mib
from bench.generated_sets import OUTLETS, labelled_set
from matching.grouping import cluster
from matching.measures import signature_measures
from matching.records import record_signatures


def _pct(extra: float, base: float) -> str:
    return f"{100 * extra / base:.1f} %" if base > 0 else "-"


def bench_in_memory(name: str, claims: list[dict[str, Any]]) -> None:
    t0, c0 = time.perf_counter(), cpu_seconds()
    sigs = record_signatures(claims)
    result = cluster(sigs)
    t1, c1 = time.perf_counter(), cpu_seconds()
    found = signature_measures(sigs)
    t2, c2 = time.perf_counter(), cpu_seconds()
    keys = {a.key.text for a in found}
    print(f"[{name}] in memory, {len(claims):,} claims: matching (signatures + grouping, "
          f"{len(set(result.labels)):,} groups) {t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU; "
          f"measures {t2 - t1:.1f} s wall, {c2 - c1:.1f} s CPU ({len(found):,} values, "
          f"{len(keys):,} measures) = +{_pct(c2 - c1, c1 - c0)} CPU, "
          f"+{_pct(t2 - t1, t1 - t0)} wall", flush=True)


def bench_database(name: str, claims: list[dict[str, Any]], cold: bool = False) -> None:
    from matching.incremental import index_claims, run_matching
    from storage.schema import open_database
    from workflows.measuring import remeasure_all, update_measures

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite")
        store_articles(db, claims, dated_figures=True)
        t0, c0 = time.perf_counter(), cpu_seconds()
        index_claims(db)
        grouped: list[Any] = []
        report = run_matching(db, actor="bench", keep_signatures=grouped.extend)
        t1, c1 = time.perf_counter(), cpu_seconds()
        measured = update_measures(db, signatures=grouped)
        t2, c2 = time.perf_counter(), cpu_seconds()
        print(f"[{name}] database, {len(claims):,} claims: first matching run (index + bulk, "
              f"{len(report.new_groups):,} groups) {t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU; "
              f"measures (read, work out, write {measured.values:,} values, "
              f"{measured.new_measures:,} measures) {t2 - t1:.1f} s wall, {c2 - c1:.1f} s CPU "
              f"= +{_pct(c2 - c1, c1 - c0)} CPU, +{_pct(t2 - t1, t1 - t0)} wall; "
              f"peak {peak_rss_mib():.0f} MiB", flush=True)
        if cold:
            t3, c3 = time.perf_counter(), cpu_seconds()
            again = remeasure_all(db)
            t4, c4 = time.perf_counter(), cpu_seconds()
            print(f"[{name}] database, cold (every claim read and worked out again, "
                  f"{again.values:,} values): {t4 - t3:.1f} s wall, {c4 - c3:.1f} s CPU "
                  f"= +{_pct(c4 - c3, c1 - c0)} CPU", flush=True)
        db.dispose()


def bench_timeline(points: int) -> None:
    from storage.measure_edits import add_reference
    from storage.measures import compare_with_reference, list_measures, timeline_points
    from storage.schema import open_database
    from workflows.measuring import update_measures

    rng = random.Random(7)
    claims = []
    for i in range(points):
        day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(1200))
        share = rng.choice([18, 19, 20, 19.5, 18.5, 33, 25])
        claims.append({"text": f"Russia controls about {share}% of Ukraine, report {i} says.",
                       "outlet": rng.choice(OUTLETS), "date": day.isoformat()})
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "timeline.sqlite")
        store_articles(db, claims, per_article=1, dated_figures=True)
        update_measures(db)
        [row] = [r for r in list_measures(db) if r.key == "share|control|russia|ukraine||"]
        add_reference(db, row.id, value=19, low=18, high=20, as_of="2023-01-01",
                      source_title="bench", actor="bench")
        t0, c0 = time.perf_counter(), time.process_time()
        found = timeline_points(db, row.id)
        t1, c1 = time.perf_counter(), time.process_time()
        compared = compare_with_reference(db, measure_id=row.id)
        t2, c2 = time.perf_counter(), time.process_time()
        print(f"[timeline] {len(found):,} points: timeline_points {1000 * (t1 - t0):.0f} ms "
              f"wall, {1000 * (c1 - c0):.0f} ms CPU; with the reference comparison "
              f"{1000 * (t2 - t1):.0f} ms wall, {1000 * (c2 - c1):.0f} ms CPU "
              f"({sum(p.conflicting for p in found):,} conflicting, "
              f"{sum(c.kind == 'contradicts' for c in compared):,} contradict)", flush=True)
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--gen", default="base")
    parser.add_argument("--skip-db", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--cold", action="store_true",
                        help="also time measures worked out from the database alone")
    args = parser.parse_args()
    for name in args.gen.split(","):
        claims = labelled_set(name, args.n, seed=7)
        if not args.skip_memory:
            bench_in_memory(name, claims)
        if not args.skip_db:
            bench_database(name, claims, args.cold)
    if args.points:
        bench_timeline(args.points)


if __name__ == "__main__":
    main()
