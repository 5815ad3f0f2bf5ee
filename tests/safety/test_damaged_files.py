"""Damaged databases are refused untouched and named with their latest backup; check and restore."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from cli.main import main
from storage.backup import backup_is_due, list_backups, make_backup, restore_backup
from storage.errors import DatabaseDamaged, NotADatabase
from storage.integrity import check_database
from storage.schema import open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled_database(path: Path, articles: int = 60) -> Path:
    db = open_database(path)
    with db.write_connection() as conn:
        conn.exec_driver_sql("INSERT INTO outlet (id, name, created_at) VALUES (1, 'O', '2025-01-01')")
        for i in range(articles):
            conn.exec_driver_sql(
                "INSERT INTO article (outlet_id, title, text, content_hash, imported_at) "
                "VALUES (1, ?, ?, ?, '2025-01-01')",
                (f"t{i}", f"Article {i}. " + "Russia claimed 5 villages. " * 60, f"h{i}"),
            )
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
    conn.execute("VACUUM")
    conn.close()
    return path


def _assert_untouched(path: Path, digest: str) -> None:
    assert _digest(path) == digest
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()


def _damage_middle_page(path: Path) -> None:
    page_size = 4096
    pages = path.stat().st_size // page_size
    with open(path, "r+b") as fh:
        fh.seek((pages // 2) * page_size)
        fh.write(b"\x00" * page_size)


def test_truncated_database_is_refused_untouched_naming_the_backup(tmp_path):
    path = _filled_database(tmp_path / "cut.sqlite")
    backup = make_backup(path, "test")
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2 + 100)
    digest = _digest(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path)
    assert str(backup) in str(caught.value)
    assert "Nothing was written" in str(caught.value)
    _assert_untouched(path, digest)


def test_database_with_a_zeroed_page_is_refused_untouched(tmp_path):
    path = _filled_database(tmp_path / "holed.sqlite")
    _damage_middle_page(path)
    digest = _digest(path)
    with pytest.raises((DatabaseDamaged, NotADatabase), match="Nothing was written"):
        open_database(path)
    _assert_untouched(path, digest)


def test_check_reports_sound_and_damaged_files_without_writing(tmp_path, capsys):
    path = _filled_database(tmp_path / "db.sqlite")
    digest = _digest(path)
    assert main(["check", "--db", str(path)]) == 0
    assert "the database is sound" in capsys.readouterr().out
    _assert_untouched(path, digest)

    _damage_middle_page(path)
    digest = _digest(path)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out and "nothing was changed" in out
    _assert_untouched(path, digest)


def test_check_flags_broken_foreign_keys(tmp_path):
    path = _filled_database(tmp_path / "fk.sqlite", articles=2)
    conn = sqlite3.connect(path)  # foreign keys off in this connection
    conn.execute("UPDATE article SET outlet_id = 99 WHERE id = 1")
    conn.commit()
    conn.close()
    report = check_database(path)
    assert not report.ok and report.foreign_keys


def test_backup_of_a_damaged_database_is_refused(tmp_path):
    path = _filled_database(tmp_path / "db.sqlite")
    good = make_backup(path, "good")
    _damage_middle_page(path)
    with pytest.raises(DatabaseDamaged, match=str(good.name)):
        make_backup(path, "bad")
    assert list_backups(path) == [good]


def test_restore_into_a_new_file_and_refusals(tmp_path, capsys):
    path = _filled_database(tmp_path / "db.sqlite")
    backup = make_backup(path, "test")
    new = tmp_path / "restored.sqlite"
    assert main(["restore", str(backup), "--to", str(new), "--db", str(path)]) == 0
    assert "checked: sound" in capsys.readouterr().out
    assert check_database(new).ok
    db = open_database(new)
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM article").scalar() == 60
    db.dispose()

    # An existing file is not replaced without --force, nor the database in use.
    digest = _digest(new)
    assert main(["restore", str(backup), "--to", str(new)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert _digest(new) == digest
    assert main(["restore", str(backup), "--to", str(path), "--db", str(path)]) == 1
    assert "in use" in capsys.readouterr().err

    # --force replaces it, after backing the replaced file up.
    before = len(list_backups(new))
    restore_backup(backup, new, force=True)
    assert len(list_backups(new)) == before + 1


def test_a_damaged_backup_is_not_restored(tmp_path, capsys):
    path = _filled_database(tmp_path / "db.sqlite")
    backup = make_backup(path, "test")
    _damage_middle_page(backup)
    target = tmp_path / "new.sqlite"
    assert main(["restore", str(backup), "--to", str(target)]) == 2
    assert "damaged" in capsys.readouterr().err
    assert not target.exists()


def test_daily_backup_on_open_and_keep_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMDESK_BACKUP_KEEP", "2")
    path = _filled_database(tmp_path / "db.sqlite", articles=2)
    assert list_backups(path) == []
    open_database(path).dispose()
    assert len(list_backups(path)) == 1  # an existing database with data: backed up
    open_database(path).dispose()
    assert len(list_backups(path)) == 1  # not again the same day
    day_old = list_backups(path)[0]
    os.utime(day_old, (day_old.stat().st_mtime - 25 * 3600,) * 2)
    assert backup_is_due(path)
    open_database(path).dispose()
    assert len(list_backups(path)) == 2
    for _ in range(3):
        make_backup(path, "more")
    assert len(list_backups(path)) == 2


def test_match_command_backs_up_first(tmp_path):
    path = _filled_database(tmp_path / "db.sqlite", articles=2)
    open_database(path).dispose()
    before = len(list_backups(path))
    assert main(["match", "--db", str(path)]) == 0
    assert any("before-match" in p.name for p in list_backups(path))
    assert len(list_backups(path)) == before + 1
