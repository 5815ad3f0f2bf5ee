"""Benchmark: `claimdesk report` on a 500-group database (time, pages, size), plus the exports.

Run: .venv/bin/python bench/bench_report.py [--groups 500] [--keep DIR]
The database is generated with bulk inserts (not timed separately from its own line).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from storage.models import (
    Article,
    AuditEntry,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    Evidence,
    Outlet,
    Rating,
    Verdict,
)
from storage.schema import open_database

OUTLETS = ["Sample: Continental Wire", "Sample: Northern Ledger", "Sample: Baltic Morning Post",
           "Sample: Harbour Street Review", "Sample: Prairie Sentinel", "Sample: Вечерний меридиан",
           "Sample: Ранкова хвиля"]
SENTENCES = [
    "Russian forces gained about {n} square miles in Ukraine over the past month, according to ISW.",
    "Київ заявив, що Росія окупувала близько {n}% території України разом із Кримом.",
    "По оценке ISW, под контролем ВСУ оставалось около {n} кв. км в Курской области.",
    "The ceasefire proposal agreed in Jeddah covered {n} days and could be extended by mutual consent.",
    "Zelensky said {n},000 Ukrainian soldiers had been killed since the start of the full-scale war.",
]


def build_database(path: Path, groups: int, seed: int = 9) -> None:
    """A database with ``groups`` claim groups of 1–4 appearances, a published verdict with
    two evidence items on 90% of them, conflicting figures on some, all in bulk inserts."""
    rnd = random.Random(seed)
    db = open_database(path)
    now = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
    try:
        with db.write_connection() as conn:
            conn.execute(insert(Outlet.__table__), [
                {"id": i + 1, "name": name, "created_at": now} for i, name in enumerate(OUTLETS)])
            articles, claims, members, group_rows, verdicts, evidence, audit = [], [], [], [], [], [], []
            claim_id = article_id = 0
            ratings = list(Rating)
            for g in range(1, groups + 1):
                template = SENTENCES[g % len(SENTENCES)]
                base = rnd.randint(10, 500)
                n_app = rnd.randint(1, 4)
                first_text = None
                for k in range(n_app):
                    value = base if k == 0 or rnd.random() > 0.15 else base + rnd.randint(40, 90)
                    sentence = template.format(n=value) + f" (report {g}.{k})"
                    first_text = first_text or sentence
                    article_id += 1
                    claim_id += 1
                    text = f"Headline {g}.{k}\n\n{sentence} Further context follows here."
                    articles.append({
                        "id": article_id, "outlet_id": rnd.randint(1, len(OUTLETS)),
                        "title": f"Article {g}.{k} on the war", "author": "A. Writer",
                        "url": f"https://example.org/news/{g}/{k}/" + "long-slug-" * rnd.randint(1, 6),
                        "published": dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randint(0, 150)),
                        "language": "en", "text": text,
                        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                        "imported_at": now})
                    claims.append({
                        "id": claim_id, "article_id": article_id, "sentence": sentence,
                        "start": text.index(sentence), "end": text.index(sentence) + len(sentence),
                        "category": "territory",
                        "figures": [{"text": str(value), "value": value, "unit": "unit", "kind": "count"}],
                        "claimant": None, "score": 0.8, "cues": [], "status": "accepted",
                        "origin": "extracted", "created_at": now, "updated_at": now})
                    members.append({"group_id": g, "claim_id": claim_id, "score": 0.9,
                                    "decision": "auto"})
                group_rows.append({"id": g, "canonical_text": first_text, "category": "territory",
                                   "created_at": now, "updated_at": now})
                if rnd.random() < 0.9:
                    verdicts.append({
                        "id": g, "group_id": g, "rating": rnd.choice(ratings).value,
                        "summary": "The figure is close to the estimate in the cited report card, "
                                   "but the period it covers is not the one the outlet states.",
                        "rationale": "We compared the claim with the ISW control-of-terrain data "
                                     "and the Russia Matters report card.\n\nThe outlets that "
                                     "repeat it give no source of their own.",
                        "reviewer": "Олена Ревізор", "status": "published", "version": 4,
                        "created_at": now, "updated_at": now})
                    for pos in range(2):
                        evidence.append({
                            "verdict_id": g, "position": pos, "title": f"Source {pos + 1} for {g}",
                            "publisher": "Russia Matters", "url": f"https://example.org/src/{g}/{pos}",
                            "published": dt.date(2025, 3, 12), "quote": "Net gain of 110 sq mi.",
                            "note": None})
                    audit.append({"at": now, "actor": "bench", "action": "verdict_published",
                                  "entity": "verdict", "entity_id": g})
            conn.execute(insert(Article.__table__), articles)
            conn.execute(insert(Claim.__table__), claims)
            conn.execute(insert(ClaimGroup.__table__), group_rows)
            conn.execute(insert(ClaimGroupMember.__table__), members)
            conn.execute(insert(Verdict.__table__), verdicts)
            conn.execute(insert(Evidence.__table__), evidence)
            conn.execute(insert(AuditEntry.__table__), audit)
    finally:
        db.dispose()


def _timed(argv: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, printed line) of one in-process ``claimdesk`` run. CPU time
    is printed too because these machines are shared: wall time swings with the neighbours."""
    from cli.main import main

    sink = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if code != 0:
        raise SystemExit(f"claimdesk {' '.join(argv)} failed with exit code {code}")
    return elapsed, cpu, sink.getvalue().strip()


def run(groups: int, folder: Path, repeat: int) -> None:
    db_path = folder / "bench.sqlite"
    start = time.perf_counter()
    build_database(db_path, groups)
    print(f"database: {groups} claim groups built in {time.perf_counter() - start:.2f} s")

    from export.data import load_selection

    db = open_database(db_path)
    try:
        start = time.perf_counter()
        selection = load_selection(db, "all")
        load_s = time.perf_counter() - start
    finally:
        db.dispose()
    apps = sum(len(g.appearances) for g in selection.groups)
    conflicts = sum(1 for g in selection.groups if g.conflicts)
    print(f"load:     {len(selection.groups)} groups, {apps} appearances, "
          f"{conflicts} with conflicting figures in {load_s:.2f} s")

    pdf = folder / "briefing.pdf"
    times, cpus = [], []
    line = ""
    for _ in range(repeat):
        elapsed, cpu, line = _timed(["report", "--db", str(db_path), "--out", str(pdf), "--status",
                                     "all", "--organisation", "Bench Desk", "--author", "Bench"])
        times.append(elapsed)
        cpus.append(cpu)
    print(f"report:   median {statistics.median(times):.2f} s wall, "
          f"{statistics.median(cpus):.2f} s CPU of {repeat} runs "
          f"(wall min {min(times):.2f}, max {max(times):.2f}); {pdf.stat().st_size / 1024:.0f} KiB")
    print(f"          {line}")
    for fmt, name in (("claimreview", "reviews.json"), ("csv", "claims.csv")):
        elapsed, cpu, _ = _timed(["export", "--db", str(db_path), "--format", fmt,
                                  "--out", str(folder / name), "--status", "all"])
        print(f"export:   {fmt:<11} {elapsed:.2f} s wall, {cpu:.2f} s CPU, "
              f"{(folder / name).stat().st_size / 1024:.0f} KiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the database and files here and keep them")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.groups, args.keep, args.repeat)
    else:
        with tempfile.TemporaryDirectory(prefix="claimdesk-bench-") as tmp:
            run(args.groups, Path(tmp), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
