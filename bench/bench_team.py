"""Benchmark: team mode on PostgreSQL — two writer processes and a reader on one database.

Run: .venv/bin/python -m bench.bench_team [--edits 10000] [--groups 5] [--url postgresql://…]
     [--fast]

Without --url a throw-away cluster is started on 127.0.0.1 (bench/pg_cluster.py) with the
server's default durability (fsync on; --fast turns it off) and deleted afterwards.

Two writer processes ("ana", "bo") make ``--edits`` successful verdict saves between them on
a few claim groups (contended on purpose), each the way the verdict editor does it: read the
verdict, then save with the version read (storage.verdicts.save_verdict); a save refused with
VerdictConflict is a conflict detected, and is retried from a fresh read. A reader process
runs what the window reads meanwhile: the claims table's query (count_claims + claim_page,
as desktop/claims_model.py) and the claim groups list with its verdicts (group_page).

Afterwards every group's audit log is replayed: each save must start from the version and
text the previous save left (a chain), every save a writer saw succeed must be in it, and the
final version must equal the number of saves. A lost update is a reported save missing from a
chain or a link where a save started from anything but its predecessor; it must be 0.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from typing import Any

from sqlalchemy import select


def _setup(url: str, groups: int) -> list[int]:
    from storage import groups as group_ops
    from storage.articles import NewArticle, NewClaim, add_article, claim_ids_of_article
    from storage.schema import open_location

    db = open_location(url)
    ids = []
    try:
        for n in range(groups):
            text = (f"Russia controls about {n + 10} percent of Ukraine's territory, "
                    f"the assessment number {n} says.")
            with db.write() as s:
                article = add_article(s, NewArticle(outlet=f"Bench Outlet {n % 3}", text=text,
                                                    content_hash=f"bench-{n}", title=f"A{n}"),
                                      [NewClaim(sentence=text, start=0, end=len(text),
                                                category="territory")], actor="bench")
                ids.append(group_ops.create_group(s, claim_ids_of_article(s, article),
                                                  actor="bench"))
    finally:
        db.dispose()
    return ids


def _writer(url: str, name: str, group_ids: list[int], edits: int, seed: int,
            out: Any) -> None:
    import random

    from storage.schema import open_location
    from storage.verdicts import VerdictConflict, VerdictDraft, save_verdict, verdict_for_group

    rng = random.Random(seed)
    db = open_location(url)
    saved: list[tuple[int, int, str]] = []  # (group, version it produced, summary)
    conflicts = 0
    latencies: list[float] = []
    started = time.perf_counter()
    try:
        for n in range(edits):
            group_id = rng.choice(group_ids)
            summary = f"{name}-{n}"
            while True:
                t0 = time.perf_counter()
                with db.read() as s:
                    v = verdict_for_group(s, group_id)
                    version = v.version if v is not None else None
                try:
                    with db.write() as s:
                        new = save_verdict(
                            s, group_id, VerdictDraft(rating=rng.choice(["false", "true"]),
                                                      summary=summary, reviewer=name),
                            expected_version=version, actor=name)
                    latencies.append(time.perf_counter() - t0)
                    saved.append((group_id, new, summary))
                    break
                except VerdictConflict:
                    conflicts += 1
    finally:
        db.dispose()
    out.put({"name": name, "saved": saved, "conflicts": conflicts, "latencies": latencies,
             "seconds": time.perf_counter() - started})


def _reader(url: str, stop: Any, out: Any) -> None:
    from storage.queries import ClaimFilter, SortKey, claim_page, count_claims, group_page
    from storage.schema import open_location

    db = open_location(url)
    latencies: list[float] = []
    odd = 0
    try:
        while not stop.is_set():
            t0 = time.perf_counter()
            with db.read() as s:  # one snapshot, as the claims model's first page
                total = count_claims(s, ClaimFilter())
                rows = claim_page(s, ClaimFilter(), SortKey.GROUP_SIZE, True, 0, 500)
                page = group_page(s)
            latencies.append(time.perf_counter() - t0)
            if len(rows) != total or any(r.rating not in (None, "false", "true") for r in page):
                odd += 1
    finally:
        db.dispose()
    out.put({"reads": len(latencies), "latencies": latencies, "inconsistent": odd})


def _verify(url: str, results: list[dict[str, Any]]) -> dict[str, int]:
    from storage.models import AuditEntry, Verdict
    from storage.schema import open_location

    db = open_location(url)
    try:
        with db.read() as s:
            entries = s.execute(select(AuditEntry).where(AuditEntry.action == "verdict_saved")
                                .order_by(AuditEntry.id)).scalars().all()
            finals = dict(s.execute(select(Verdict.id, Verdict.version)).all())
    finally:
        db.dispose()
    chains: dict[int, list[AuditEntry]] = {}
    for e in entries:
        chains.setdefault(e.entity_id, []).append(e)
    broken = 0
    in_chain: set[tuple[int, str]] = set()
    for verdict_id, chain in chains.items():
        for k, e in enumerate(chain):
            before = e.before or {}
            if k == 0:
                broken += int(e.before is not None or e.after["version"] != 1)
            else:
                prev = chain[k - 1].after
                broken += (before.get("version") != prev["version"]
                           or before.get("summary") != prev["summary"])
            in_chain.add((e.after["version"], e.after["summary"]))
        broken += finals[verdict_id] != len(chain)
    reported = [(v, summary) for r in results for _g, v, summary in r["saved"]]
    missing = sum(1 for item in reported if item not in in_chain)
    return {"audit_entries": len(entries), "broken_links": broken, "missing": missing,
            "reported": len(reported), "final_versions": sum(finals.values())}


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    values = sorted(values)
    return f"{values[min(len(values) - 1, int(q * len(values)))] * 1000:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10_000, help="successful saves in all")
    parser.add_argument("--groups", type=int, default=5, help="claim groups edited")
    parser.add_argument("--url", help="an existing, empty PostgreSQL database to use")
    parser.add_argument("--fast", action="store_true", help="throw-away cluster with fsync off")
    args = parser.parse_args(argv)

    cluster = None
    url = args.url
    if url is None:
        from bench.pg_cluster import Cluster, unavailable_reason

        reason = unavailable_reason()
        if reason is not None:
            print(f"bench_team: {reason}", file=sys.stderr)
            return 2
        cluster = Cluster(fast=args.fast)
        url = cluster.create_database("bench")
    try:
        group_ids = _setup(url, args.groups)
        ctx = mp.get_context("spawn")
        out, stop = ctx.Queue(), ctx.Event()
        reader = ctx.Process(target=_reader, args=(url, stop, out))
        half = args.edits // 2
        writers = [ctx.Process(target=_writer, args=(url, name, group_ids, n, seed, out))
                   for name, n, seed in (("ana", half, 1), ("bo", args.edits - half, 2))]
        started = time.perf_counter()
        reader.start()
        for w in writers:
            w.start()
        results = [out.get() for _ in writers]
        for w in writers:
            w.join()
        wall = time.perf_counter() - started
        stop.set()
        read = out.get()
        reader.join()
        check = _verify(url, results)
    finally:
        if cluster is not None:
            cluster.stop()

    saves = sum(len(r["saved"]) for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    lost = check["missing"] + check["broken_links"] + (saves - check["final_versions"])
    latencies = [x for r in results for x in r["latencies"]]
    print(f"server:            {'throw-away cluster' if cluster else 'given'}"
          f"{' (fsync off)' if args.fast else ''}")
    print(f"verdict edits:     {saves:,} saved by 2 writer processes on {args.groups} claim "
          f"groups in {wall:.1f} s ({saves / wall:,.0f} saves/s)")
    for r in results:
        print(f"  {r['name']}: {len(r['saved']):,} saves, {r['conflicts']:,} conflicts, "
              f"{r['seconds']:.1f} s")
    print(f"conflicts detected: {conflicts:,} (saves refused with VerdictConflict, retried)")
    print(f"save latency:      p50 {_ms(latencies, .5)} ms, p95 {_ms(latencies, .95)} ms, "
          f"max {_ms(latencies, 1)} ms (read + save)")
    print(f"reader:            {read['reads']:,} reads of the claims table and group list "
          f"({read['reads'] / wall:,.1f}/s), p50 {_ms(read['latencies'], .5)} ms, "
          f"p95 {_ms(read['latencies'], .95)} ms, inconsistent snapshots {read['inconsistent']}")
    print(f"audit log:         {check['audit_entries']:,} verdict saves, final versions sum "
          f"{check['final_versions']:,}, broken links {check['broken_links']}, reported saves "
          f"missing {check['missing']}")
    print(f"lost updates:      {lost}")
    if read["latencies"]:
        print(f"(reader mean {statistics.mean(read['latencies']) * 1000:.1f} ms)")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
