"""A damaged file is refused for writing with the way out; `claimdesk recover` (issue #20, point 9)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from cli.main import main as cli
from tests.safety import hostile_databases as hostile

NOTE = "Unemployment in the province fell to 7.5 percent last year, the statistics bureau said."


def _damage_an_index(path: Path) -> None:
    """The index's definition changed under it: integrity_check finds rows missing from it,
    quick_check (which skips index contents) does not."""
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_claim_status ON claim "
                     "(sentence)' WHERE name = 'ix_claim_status'")
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.commit()
    finally:
        conn.close()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_damaged_index_refuses_writes_and_recover_makes_a_sound_copy(tmp_path, capsys):
    damaged = hostile.sound(tmp_path / "desk" / "damaged.sqlite")
    _damage_an_index(damaged)
    claims = _count(damaged, "claim")
    assert cli(["check", "--db", str(damaged)]) == 1
    assert "missing from index" in capsys.readouterr().out
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    digest = hashlib.sha256(damaged.read_bytes()).hexdigest()
    assert cli(["import", "--db", str(damaged), str(note)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "claimdesk recover" in err
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == digest
    assert _count(damaged, "claim") == claims

    rescued = tmp_path / "rescued.sqlite"
    assert cli(["recover", str(damaged), "--to", str(rescued)]) == 0, capsys.readouterr().err
    assert "claim" in capsys.readouterr().out
    assert cli(["check", "--db", str(rescued)]) == 0
    assert _count(rescued, "claim") == claims
    assert cli(["recover", str(damaged), "--to", str(rescued)]) == 2  # never over a file
    assert cli(["import", "--db", str(rescued), str(note)]) == 0


def test_a_damaged_index_is_refused_even_with_a_fresh_backup(tmp_path, capsys):
    """The daily backup's full check found the damage only when a backup was due: a file
    backed up today still took imports through its damaged index."""
    from storage.backup import list_backups, make_backup

    damaged = hostile.sound(tmp_path / "desk" / "damaged.sqlite")
    good = make_backup(damaged, "good")  # today's backup: none is due on open
    _damage_an_index(damaged)
    digest = hashlib.sha256(damaged.read_bytes()).hexdigest()
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")

    assert cli(["import", "--db", str(damaged), str(note)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "missing from index" in err
    assert f"claimdesk restore {good}" in err and "claimdesk recover" in err
    assert "warning" not in err.lower() and "Traceback" not in err

    # Its backup is refused with the same sentence, and nothing joins the rotation.
    assert cli(["backup", "--db", str(damaged)]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and "Nothing was written" in err
    assert "warning" not in err.lower()
    assert list_backups(damaged) == [good]
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == digest
