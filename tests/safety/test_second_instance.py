"""Two Claimdesk processes on one database: both work, and no update is lost.

SQLite serialises the writers (WAL, ``BEGIN IMMEDIATE``, a 10 s busy timeout), PostgreSQL with
the writers' advisory lock; what a person edits carries the version or the values they saw, so
a save based on a stale read is refused (and retried on fresh data here), never applied over
the other process's change. Both tests run on both engines (``db_url``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from storage.models import Article, AuditEntry, Claim, Verdict
from storage.schema import open_location

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 60

# One process's work: ROUNDS verdict saves and ROUNDS claim edits, each read-then-write with
# what was read as the expected state, retried on a conflict. Prints its tallies as JSON.
WORKER = r"""
import json, sys
from pathlib import Path
from storage.claims import ClaimChanged, edit
from storage.models import Claim
from storage.schema import open_database, open_location
from storage.verdicts import VerdictConflict, VerdictDraft, save_verdict, verdict_for_group

path, name, group_id, claim_id, rounds = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
db = open_location(path, daily_backup=False)
tally = {"verdicts": 0, "verdict_conflicts": 0, "edits": 0, "edit_conflicts": 0}
for n in range(rounds):
    while True:
        with db.read() as s:
            v = verdict_for_group(s, group_id)
            version = v.version if v is not None else None
        try:
            with db.write() as s:
                save_verdict(s, group_id, VerdictDraft(rating="false", summary=f"{name}-{n}"),
                             expected_version=version, actor=name)
            tally["verdicts"] += 1
            break
        except VerdictConflict:
            tally["verdict_conflicts"] += 1
    while True:
        with db.read() as s:
            seen = s.get(Claim, claim_id).claimant
        try:
            with db.write() as s:
                edit(s, claim_id, {"claimant": f"{name}-{n}"}, actor=name,
                     expected={"claimant": seen})
            tally["edits"] += 1
            break
        except ClaimChanged:
            tally["edit_conflicts"] += 1
db.dispose()
print(json.dumps(tally))
"""


def _start(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    return out


def test_two_processes_editing_the_same_verdict_and_claim_lose_no_update(db_url, tmp_path):
    from tests.desktop.conftest import TERRITORY, store_article

    db = open_location(db_url)
    article_id = store_article(db, TERRITORY, title="T", outlet="Test Herald")
    with db.read() as s:
        claim_id = s.execute(select(func.min(Claim.id)).where(Claim.article_id == article_id)
                             ).scalar_one()
        from storage.groups import group_of_claim

        group_id = group_of_claim(s, claim_id)
    assert group_id is not None
    db.dispose()

    procs = [_start("-c", WORKER, db_url, name, str(group_id), str(claim_id), str(ROUNDS))
             for name in ("ana", "bo")]
    tallies = [json.loads(_finish(p)) for p in procs]

    db2 = open_location(db_url, daily_backup=False)
    try:
        with db2.read() as s:
            verdict = s.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one()
            saves = s.execute(select(AuditEntry).where(
                AuditEntry.entity == "verdict").order_by(AuditEntry.id)).scalars().all()
            edits = s.execute(select(AuditEntry).where(
                AuditEntry.action == "claim_edited", AuditEntry.entity_id == claim_id
            ).order_by(AuditEntry.id)).scalars().all()
    finally:
        db2.dispose()
    # Every save that reported success is counted in the version: none was overwritten.
    assert sum(t["verdicts"] for t in tallies) == 2 * ROUNDS
    assert verdict.version == 2 * ROUNDS
    summaries = [e.after.get("summary") for e in saves if e.after and "summary" in e.after]
    assert sorted(summaries) == sorted(f"{who}-{n}" for who in ("ana", "bo")
                                       for n in range(ROUNDS))
    # Each claim edit started from the value the previous one wrote: a chain, no lost link.
    assert len(edits) == 2 * ROUNDS
    for previous, current in zip(edits, edits[1:], strict=False):
        assert current.before["claimant"] == previous.after["claimant"]
    print(f"conflicts refused and retried: {tallies}")


def test_two_processes_importing_overlapping_folders_store_each_article_once(db_url, tmp_path):
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    for n in range(24):
        text = (f"Outlet {n} reported that Russia controls about {n % 20 + 1} percent of "
                f"Ukraine's territory, citing an assessment published on day {n}.")
        # Files 8..15 are in both folders: both processes try to import them.
        for folder in ([folder_a] if n < 8 else [folder_b] if n >= 16 else [folder_a, folder_b]):
            (folder / f"article{n:02}.txt").write_text(text, encoding="utf-8")
    open_location(db_url).dispose()

    procs = [_start("-m", "cli.main", "import", "--db", db_url, str(folder))
             for folder in (folder_a, folder_b)]
    outputs = [_finish(p) for p in procs]
    db = open_location(db_url, daily_backup=False)
    try:
        with db.read() as s:
            articles = s.execute(select(func.count()).select_from(Article)).scalar_one()
            hashes = s.execute(select(func.count(func.distinct(Article.content_hash)))).scalar_one()
    finally:
        db.dispose()
    assert articles == hashes == 24
    assert sum(out.count("duplicate") for out in outputs) >= 8
    if "://" in db_url:
        return
    conn = sqlite3.connect(db_url)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
