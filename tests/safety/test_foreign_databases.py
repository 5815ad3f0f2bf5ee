"""A database file from someone else is untrusted input (issue #20): read-only, never migrated,
foreign schema objects refused, rows validated, hashes recomputed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from cli.main import main as cli
from tests.safety import hostile_databases as hostile


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def colleague(tmp_path: Path):
    """Build a hostile file by name in a folder of its own; returns (path, digest, listing)."""
    def make(name: str) -> Path:
        return hostile.build(name, tmp_path / "colleague" / name)
    return make


def _copy(source: Path, dest: Path) -> int:
    return cli(["copy", "--from", str(source), "--to", str(dest)])


@pytest.mark.parametrize("name", ["sound", "sound_wal", "old_revision"])
def test_copy_from_leaves_the_source_byte_identical_and_nothing_beside_it(
        colleague, tmp_path, name, capsys):
    source = colleague(name)
    digest, listing = _digest(source), _listing(source.parent)
    claims = _count(source, "claim")
    dest = tmp_path / "mine.sqlite"
    assert _copy(source, dest) == 0, capsys.readouterr().err
    assert _digest(source) == digest
    assert _listing(source.parent) == listing  # no -wal, -shm or backups/ folder
    assert _count(dest, "claim") == claims


def test_copy_from_a_source_on_a_read_only_disk(colleague, tmp_path, capsys):
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    import subprocess

    source = colleague("sound")
    ro = tmp_path / "ro"
    ro.mkdir()
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(source.parent), str(ro)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        dest = tmp_path / "mine.sqlite"
        assert _copy(ro / source.name, dest) == 0, capsys.readouterr().err
        assert _count(dest, "claim") == _count(source, "claim")
    finally:
        subprocess.run(["umount", "-l", str(ro)], check=False)


FOREIGN_OBJECTS = {
    "old_revision_with_migration_trigger": "a trigger Claimdesk did not create: revision_bump",
    "audit_trigger": "a trigger Claimdesk did not create: audit_hook (on audit_log)",
    "endless_view": "a view Claimdesk did not create: article",
    "extra_table_and_index": "a table Claimdesk did not create: stash",
    "replaced_search_trigger": "a trigger named like Claimdesk's but changed: claim_fts_ai",
}


@pytest.mark.parametrize("name", sorted(FOREIGN_OBJECTS))
def test_a_file_with_foreign_schema_objects_is_refused_unrun_everywhere(
        colleague, tmp_path, name, capsys):
    source = colleague(name)
    digest = _digest(source)
    dest = tmp_path / "mine.sqlite"
    assert _copy(source, dest) == 2
    err = capsys.readouterr().err
    assert FOREIGN_OBJECTS[name] in err and "Nothing was run or written" in err
    assert not dest.exists()
    note = tmp_path / "note.txt"
    note.write_text("The council said 40 schools reopened in March, the education office said.",
                    encoding="utf-8")
    assert cli(["import", "--db", str(source), str(note)]) == 2
    assert FOREIGN_OBJECTS[name] in capsys.readouterr().err
    assert cli(["info", "--db", str(source)]) == 2
    assert cli(["check", "--db", str(source)]) == 1
    out = capsys.readouterr().out
    assert FOREIGN_OBJECTS[name] in out and "the database has problems" in out
    assert _digest(source) == digest


def test_every_connection_distrusts_the_schema_and_foreign_reads_are_bounded(
        colleague, monkeypatch):
    from sqlalchemy import text

    from storage import foreign
    from storage.errors import ForeignFileTooSlow
    from storage.schema import open_database

    source = colleague("sound")
    db = open_database(source)
    try:
        with db.read() as session:
            assert session.execute(text("PRAGMA trusted_schema")).scalar() == 0
    finally:
        db.dispose()
    monkeypatch.setattr(foreign, "TIME_LIMIT", 0.5)
    src = foreign.open_foreign_file(source)
    try:
        with src.read() as session:
            assert session.execute(text("PRAGMA trusted_schema")).scalar() == 0
        endless = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 30000000) SELECT count(*) FROM n")
        with (pytest.raises(ForeignFileTooSlow, match="took longer than 0.5 seconds"),
              src.read() as session):
            session.execute(endless).scalar()
    finally:
        src.dispose()


def test_rows_an_import_would_not_store_are_skipped_and_named(colleague, tmp_path, capsys):
    source = colleague("bad_rows")
    dest = tmp_path / "mine.sqlite"
    assert _copy(source, dest) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "claim 1 (figures is not a list of figures)" in out
    assert "claim 2 (figures is not a list of figures)" in out
    assert "claim 3 (score is not a finite number)" in out
    assert "membership 3 (its claim was skipped)" in out
    assert _count(dest, "claim") == _count(source, "claim") - 3
    conn = sqlite3.connect(dest)
    try:
        assert conn.execute("SELECT COUNT(*) FROM claim WHERE typeof(score) != 'real'"
                            ).fetchone()[0] == 0
    finally:
        conn.close()
    assert cli(["match", "--db", str(dest)]) == 0


def test_a_forged_content_hash_is_recomputed_so_the_genuine_article_still_imports(
        tmp_path, capsys):
    genuine = ("The harbour authority said 120 ships docked in May, up from 90 ships a year "
               "earlier, according to its monthly report.")
    source = hostile.forged_hash(tmp_path / "forged.sqlite", genuine)
    dest = tmp_path / "mine.sqlite"
    assert _copy(source, dest) == 0, capsys.readouterr().err
    assert "content hash" in capsys.readouterr().out
    article = tmp_path / "genuine.txt"
    article.write_text(genuine, encoding="utf-8")
    assert cli(["import", "--db", str(dest), str(article)]) == 0
    assert "imported" in capsys.readouterr().out
    assert _count(dest, "article") == _count(source, "article") + 1


def _many_claims_in_one_group(path: Path, n: int) -> Path:
    """A sound file plus ``n`` claims of its first article, all in one claim group."""
    hostile.sound(path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        gid = conn.execute("INSERT INTO claim_group (canonical_text, created_at, updated_at) "
                           "VALUES ('many', '2025-01-01', '2025-01-01')").lastrowid
        for k in range(n):
            cid = conn.execute(
                "INSERT INTO claim (article_id, sentence, start, \"end\", figures, score, cues, "
                "status, origin, created_at, updated_at) VALUES (1, ?, 0, 10, '[]', 0.5, '[]', "
                "'proposed', 'manual', '2025-01-01', '2025-01-01')", (f"claim {k}",)).lastrowid
            conn.execute("INSERT INTO claim_group_member (group_id, claim_id, decision) "
                         "VALUES (?, ?, 'auto')", (gid, cid))
        conn.commit()
    finally:
        conn.close()
    return path


def test_a_copy_larger_than_the_engines_variable_limit_commits_whole_and_is_indexed(
        tmp_path, capsys):
    from sqlalchemy import event, func, select

    from storage.models import Claim, ClaimGroupMember, ClaimSignature
    from storage.schema import open_database
    from workflows.copy_in import copy_in, open_source

    source = _many_claims_in_one_group(tmp_path / "big.sqlite", 600)
    dest = open_database(tmp_path / "mine.sqlite")

    @event.listens_for(dest.engine, "connect")
    def _small_limit(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 250)

    src = open_source(str(source))
    try:
        result = copy_in(src, dest, actor="tester")
        assert result.copied.claims == _count(source, "claim")
        with dest.read() as s:
            claims = s.execute(select(func.count()).select_from(Claim)).scalar_one()
            signed = s.execute(select(func.count()).select_from(ClaimSignature)).scalar_one()
            members = s.execute(select(func.count()).select_from(ClaimGroupMember)).scalar_one()
        assert claims == signed == _count(source, "claim")
        assert members == _count(source, "claim_group_member")
    finally:
        src.dispose()
        dest.dispose()
