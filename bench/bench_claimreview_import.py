"""``claimdesk import-claimreview`` per-item cost as the database grows.

    .venv/bin/python -m bench.bench_claimreview_import [--sizes 1000 10000] [--probe 200]

For each size N: a fresh database gets an N-item ClaimReview file (generated here in our own
words: numbered claims about harbours, bridges and budgets, each with one appearance), then a
further ``--probe`` items are imported into it; prints both imports' wall and CPU time per item
and the peak memory. A per-item cost that stays flat from 1,000 to 10,000 stored items is the
goal (the machine is shared: CPU time beside wall time).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

_SUBJECTS = ("The harbour", "The new bridge", "The city budget", "The rail line", "The dam",
             "The grain terminal", "The district school", "The regional hospital")
_VERBS = ("handled", "cost", "received", "lost", "carried", "needed", "moved", "served")
_OBJECTS = ("ships", "million hryvnia", "passengers", "tonnes of grain", "patients", "pupils")


def items(start: int, n: int, seed: int = 0) -> list[dict[str, object]]:
    rng = random.Random(seed + start)
    out = []
    for i in range(start, start + n):
        claim = (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.randint(2, 90_000)} "
                 f"{rng.choice(_OBJECTS)} in {2000 + i % 25}, claim {i}")
        out.append({
            "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim,
            "url": f"https://checks.example/review/{i}", "datePublished": "2025-05-01",
            "author": {"@type": "Organization", "name": "Bench Desk"},
            "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1,
                             "bestRating": 5, "worstRating": 1},
            "reviewBody": f"The records for {2000 + i % 25} show a different figure.",
            "citation": [{"@type": "CreativeWork", "name": "Annual report",
                          "url": f"https://records.example/{i}"}],
            "itemReviewed": {"@type": "Claim", "appearance": [
                {"@type": "CreativeWork", "url": f"https://news.example/story/{i}",
                 "text": claim, "author": {"@type": "Organization", "name": "Bench News"}}]},
        })
    return out


def timed_import(db_path: Path, file: Path) -> tuple[float, float]:
    from export.claimreview import import_claimreview
    from storage.schema import open_database

    db = open_database(db_path, daily_backup=False)
    try:
        cpu, start = time.process_time(), time.perf_counter()
        report = import_claimreview(db, file, actor="bench")
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        db.dispose()
    assert not report.skipped, report.skipped[:3]
    return wall, cpu


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--probe", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-crimport-") as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            bulk, probe = folder / "bulk.json", folder / "probe.json"
            bulk.write_text(json.dumps(items(0, n)), encoding="utf-8")
            probe.write_text(json.dumps(items(n, args.probe)), encoding="utf-8")
            wall, cpu = timed_import(folder / "db.sqlite", bulk)
            print(f"{n:,} items into an empty database: {wall:.1f} s wall, {cpu:.1f} s CPU "
                  f"({1000 * wall / n:.1f} ms wall, {1000 * cpu / n:.1f} ms CPU per item)")
            wall, cpu = timed_import(folder / "db.sqlite", probe)
            print(f"  then {args.probe} more into that database of {n:,}: "
                  f"{1000 * wall / args.probe:.1f} ms wall, {1000 * cpu / args.probe:.1f} ms CPU "
                  "per item")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
