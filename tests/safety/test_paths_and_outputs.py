"""Paths, outputs and names from the user or from files (issue #20, points 6–8, 11, 13)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cli.main import main as cli


@pytest.mark.parametrize("name", ["mine%41.sqlite", "team?mode=memory.sqlite", "a#b.sqlite"])
def test_a_database_path_opens_exactly_the_named_file(tmp_path, name, capsys):
    path = tmp_path / name
    note = tmp_path / "note.txt"
    note.write_text("Unemployment in the province fell to 7.5 percent last year, the statistics "
                    "bureau reported.", encoding="utf-8")
    assert cli(["import", "--db", str(path), str(note)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".txt"
                  and not p.name.endswith(("-wal", "-shm"))) == [name]
    assert path.stat().st_size > 0
    assert cli(["check", "--db", str(path)]) == 0


def _exported(tmp_path: Path, out: Path, fmt: str = "csv") -> int:
    db = tmp_path / "db.sqlite"
    if not db.exists():  # export is read-only: it refuses a missing database (issue #17)
        note = tmp_path / "note.txt"
        note.write_text("Turnout reached 61 percent, the election commission said.",
                        encoding="utf-8")
        assert cli(["import", "--db", str(db), str(note)]) == 0
        assert cli(["config", "--db", str(db), "--organisation", "Desk",
                    "--base-url", "https://checks.example.org/"]) == 0
    return cli(["export", "--db", str(db), "--format", fmt, "--out", str(out)])


@pytest.mark.parametrize("fmt", ["csv", "claimreview"])
def test_out_never_follows_a_symlink_nor_replaces_a_special_file(tmp_path, fmt, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(victim)
    assert _exported(tmp_path, link, fmt) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "keep me"
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert _exported(tmp_path, fifo, fmt) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    fresh = tmp_path / "fresh.csv"
    assert _exported(tmp_path, fresh, fmt) == 0 and fresh.is_file()
    assert _exported(tmp_path, fresh, fmt) == 0  # a regular file is replaced


def test_restore_refuses_a_symlink_target_and_creates_no_folder(tmp_path, capsys):
    from storage.backup import make_backup
    from storage.schema import open_database

    db_path = tmp_path / "db.sqlite"
    open_database(db_path).dispose()
    backup = make_backup(db_path, "test")
    dangling = tmp_path / "restored.sqlite"
    dangling.symlink_to(tmp_path / "nowhere" / "deep" / "x.sqlite")
    assert cli(["restore", "--db", str(db_path), str(backup), "--to", str(dangling)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
    missing = tmp_path / "absent" / "x.sqlite"
    assert cli(["restore", "--db", str(db_path), str(backup), "--to", str(missing)]) == 2
    assert not (tmp_path / "absent").exists()
