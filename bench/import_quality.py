"""Matching quality on the import path: a generated set imported claim by claim (each one an
article of its own outlet and date, its figures read against that date, indexed and matched
as `claimdesk import` does), against grouping the same claims in one run. A person builds a
database through imports, so both must hold.

Run: python -m bench.import_quality [--n 1000] [--gen repetitive,real_noisy,second,third]
Below matching.incremental.BULK_MIN_CLAIMS every claim goes through the import path (an empty
database's first large import is grouped in bulk instead). Prints pairwise P/R of all claims
for both paths and the import path's CPU time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_db import store_article
from bench.generated_sets import labelled_set, pairwise_scores
from matching.grouping import cluster
from matching.incremental import BULK_MIN_CLAIMS, index_claims, run_matching
from matching.records import record_signatures

PER_ARTICLE = 1  # a generated claim has its own outlet and date: an article of its own


def imported_labels(claims: list[dict[str, Any]]) -> tuple[list[int], float]:
    """The group of each claim after importing them one by one; and the CPU seconds."""
    from sqlalchemy import select

    from storage.articles import claim_ids_of_article
    from storage.models import ClaimGroupMember
    from storage.schema import open_database

    ids: list[int] = []
    cpu = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "imports.sqlite")
        try:
            for start in range(0, len(claims), PER_ARTICLE):
                article = store_article(db, claims[start : start + PER_ARTICLE], f"imp-{start}",
                                        dated_figures=True)
                with db.read() as session:
                    new = list(claim_ids_of_article(session, article))
                index_claims(db, only=new)
                run_matching(db, actor="bench", only=new)
                ids += new
            with db.read() as session:
                group = dict(session.execute(
                    select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id)).all())
        finally:
            db.dispose()
    # A claim left without a group is a group of its own.
    return [group.get(i, -i) for i in ids], time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--gen", default="repetitive,real_noisy,second,third")
    args = parser.parse_args()
    if args.n >= BULK_MIN_CLAIMS:
        parser.error(f"--n must stay under {BULK_MIN_CLAIMS} (larger first imports are bulk)")
    print("| generator | claims | import path P | R | one grouping run P | R | import CPU s |")
    print("|---|---|---|---|---|---|---|")
    for name in args.gen.split(","):
        claims = [{**c, "outlet": c.get("outlet") or f"Outlet {k % 7}"}
                  for k, c in enumerate(labelled_set(name, args.n))]
        gold = [c["group"] for c in claims]
        labels, cpu = imported_labels(claims)
        p, r = pairwise_scores(labels, gold)
        grouped = cluster(record_signatures(claims)).labels
        gp, gr = pairwise_scores(grouped, gold)
        print(f"| {name} | {len(claims):,} | {p:.3f} | {r:.3f} | {gp:.3f} | {gr:.3f} | "
              f"{cpu:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
