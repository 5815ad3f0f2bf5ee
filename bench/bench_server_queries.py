"""Benchmark: the window's queries on 100,000 claims, SQLite file against PostgreSQL server.

Run: .venv/bin/python -m bench.bench_server_queries [--claims 100000] [--url postgresql://…]

The same generated database (bench_gui.build_database) on both engines; each query is what a
screen asks for: the claims table's first page with its count (sorted by date, by sentence,
by group size), a typed search in the claims table (Latin and Cyrillic), the search command's
top 20, the claim groups list. Medians of 5 runs after one warm-up, in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_gui import build_database
from storage.queries import ClaimFilter, SortKey, claim_page, count_claims, group_page
from storage.schema import open_location
from storage.search import search_claim_ids


def _queries() -> list[tuple[str, Callable]]:
    def page(flt: ClaimFilter, key: str) -> Callable:
        return lambda s: (count_claims(s, flt), claim_page(s, flt, key, True, 0, 500))

    return [
        ("claims page, newest first", page(ClaimFilter(), SortKey.PUBLISHED)),
        ("claims page, by sentence", page(ClaimFilter(), SortKey.SENTENCE)),
        ("claims page, by group size", page(ClaimFilter(), SortKey.GROUP_SIZE)),
        ("search box 'bakhmut'", page(ClaimFilter(text="bakhmut"), SortKey.PUBLISHED)),
        ("search box 'авдіїв'", page(ClaimFilter(text="авдіїв"), SortKey.PUBLISHED)),
        ("search box 'russian forces'", page(ClaimFilter(text="russian forces"),
                                             SortKey.PUBLISHED)),
        ("search top 20 'kharkiv'", lambda s: search_claim_ids(s, "kharkiv", limit=20)),
        ("claim groups list", lambda s: group_page(s)),
    ]


def _time(location: str) -> dict[str, float]:
    db = open_location(location)
    out = {}
    try:
        for name, query in _queries():
            runs = []
            for n in range(6):
                t0 = time.perf_counter()
                with db.read() as session:
                    query(session)
                if n:
                    runs.append((time.perf_counter() - t0) * 1000)
            out[name] = statistics.median(runs)
    finally:
        db.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--url", help="an existing, empty PostgreSQL database to fill")
    args = parser.parse_args(argv)
    cluster = None
    url = args.url
    if url is None:
        from bench.pg_cluster import Cluster, unavailable_reason

        if (reason := unavailable_reason()) is not None:
            print(f"bench_server_queries: {reason}", file=sys.stderr)
            return 2
        cluster = Cluster()
        url = cluster.create_database("queries")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.sqlite"
            timings = {}
            for label, location in (("SQLite", str(path)), ("PostgreSQL", url)):
                t0 = time.perf_counter()
                build_database(location, args.claims)
                built = time.perf_counter() - t0
                if label == "PostgreSQL":  # fresh statistics, as autovacuum would gather
                    import psycopg

                    with psycopg.connect(url, autocommit=True) as conn:
                        conn.execute("ANALYZE")
                print(f"{label}: {args.claims:,} claims built in {built:.1f} s")
                timings[label] = _time(location)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"{'query (median of 5, ms)':<32}{'SQLite':>10}{'PostgreSQL':>12}")
    for name, _query in _queries():
        print(f"{name:<32}{timings['SQLite'][name]:>10.1f}{timings['PostgreSQL'][name]:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
