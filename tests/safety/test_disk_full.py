"""A full disk or a read-only database: a clear sentence, nothing half-saved, the rest intact.

Two ways in: SQLite's own limits (``max_page_count`` gives the very SQLITE_FULL a full disk
gives; ``query_only`` gives SQLITE_READONLY), which work everywhere, and a real small tmpfs —
filled up, then remounted read-only — where this machine lets the test mount one (root on
Linux); elsewhere those cases are skipped with a message.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from ingest import document_from_text
from ingest.pipeline import Outcome
from storage.errors import DatabaseReadOnly, DiskFull, ReadOnlyLocation
from storage.models import Article, Claim, Verdict
from storage.schema import open_database
from storage.verdicts import VerdictDraft, save_verdict
from workflows.importing import import_paths, store_document

TEXT = ("Russia controls about {n} percent of Ukraine's territory, the Institute for the Study "
        "of War said on Monday in its daily assessment. ")


def article(n: int, words: int = 40) -> str:
    return TEXT.format(n=n % 30 + 1) + " ".join(f"word{n}x{i}" for i in range(words)) + "."


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return (s.execute(select(func.count()).select_from(Article)).scalar_one(),
                s.execute(select(func.count()).select_from(Claim)).scalar_one())


def store(db, n: int, words: int = 40):
    return store_document(db, document_from_text(article(n, words), title=f"A{n}",
                                                 outlet="Test Herald"),
                          source="test", actor="tester")


@contextlib.contextmanager
def pragma_on_connect(db, pragma: str) -> Iterator[None]:
    """Every new connection of ``db`` runs ``pragma`` (the engine has one per unit of work)."""

    def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(pragma)

    event.listen(db.engine, "connect", on_connect)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", on_connect)


def test_a_full_database_refuses_the_import_with_a_sentence_and_keeps_everything(db, tmp_path):
    assert store(db, 1).outcome == Outcome.IMPORTED
    before = counts(db)
    with sqlite3.connect(db.path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with pragma_on_connect(db, f"PRAGMA max_page_count = {pages}"):
        with pytest.raises(DiskFull) as err:  # needs new pages: the "disk" is full
            store(db, 2, words=4000)
        assert "disk holding the database is full" in str(err.value)
        # Through the importer, a file gets the same sentence as its per-file error.
        path = tmp_path / "big.txt"
        path.write_text(article(3, words=4000), encoding="utf-8")
        (result,) = import_paths(db, [path], actor="tester")
    assert result.outcome == Outcome.REJECTED
    assert "disk holding the database is full" in result.message
    assert counts(db) == before
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Space again: the same import goes through.
    assert store(db, 2, words=4000).outcome == Outcome.IMPORTED


def test_a_read_only_database_refuses_a_verdict_save_and_the_draft_can_be_saved_later(db):
    assert store(db, 1).outcome == Outcome.IMPORTED
    from matching.incremental import run_matching

    run_matching(db, actor="tester")
    with db.read() as s:
        group_id = s.execute(select(func.min(Claim.id))).scalar_one()
        from storage.groups import group_of_claim

        group_id = group_of_claim(s, group_id)
    draft = VerdictDraft(rating="false", summary="The share was 18 percent")
    with (pragma_on_connect(db, "PRAGMA query_only = 1"), pytest.raises(DatabaseReadOnly) as err,
          db.write() as s):
        save_verdict(s, group_id, draft, expected_version=None, actor="tester")
    assert "read-only" in str(err.value) and "still on screen" in str(err.value)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Verdict)).scalar_one() == 0
    with db.write() as s:  # writable again: the same draft saves
        save_verdict(s, group_id, draft, expected_version=None, actor="tester")


# -- a real file system ---------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, or a skip where this process may not mount one."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (the full-disk case runs in CI as root)")
    mount_point = tmp_path / f"disk-{uuid.uuid4().hex[:8]}"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_disk_stops_the_import_cleanly_and_keeps_what_was_saved(
        small_disk, tmp_path):
    files = []
    for n in range(120):  # far more than 1 MiB of articles
        files.append(tmp_path / f"a{n:03}.txt")
        files[-1].write_text(article(n, words=2000), encoding="utf-8")
    db = open_database(small_disk / "claims.sqlite")
    try:
        outcomes: list[Outcome] = []
        messages: list[str] = []
        for result in import_paths(db, files, actor="tester"):
            outcomes.append(result.outcome)
            if result.outcome == Outcome.REJECTED:
                messages.append(result.message)
        assert Outcome.IMPORTED in outcomes and messages, "the disk never filled up"
        assert all("full" in m for m in messages), messages
        saved = counts(db)
        assert saved[0] == outcomes.count(Outcome.IMPORTED)
    finally:
        db.dispose()
    conn = sqlite3.connect(small_disk / "claims.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == saved[0]
    finally:
        conn.close()


def test_a_read_only_file_system_refuses_writes_with_a_sentence(small_disk):
    db = open_database(small_disk / "claims.sqlite")
    try:
        assert store(db, 1).outcome == Outcome.IMPORTED
        before = counts(db)
    finally:
        db.dispose()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(ReadOnlyLocation) as err:
        open_database(small_disk / "claims.sqlite")
    assert "read-only disk" in str(err.value)
    with pytest.raises(ReadOnlyLocation):
        open_database(small_disk / "new.sqlite")
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    db = open_database(small_disk / "claims.sqlite")
    try:
        assert counts(db) == before
    finally:
        db.dispose()
