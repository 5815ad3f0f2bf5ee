"""Consistent copies of a live database, made with SQLite's online backup API.

Never ``shutil.copy`` a live file: content still in the WAL would be missed. A copy is written
under a temporary name, checked, fsynced and only then renamed, so a crash mid-backup can
never leave a broken file that looks like a good backup.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from storage.paths import backup_dir_for

DEFAULT_KEEP = 10


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_to(src: Path, dest: Path) -> Path:
    """Copy the database at ``src`` to ``dest`` (must not exist); return ``dest``."""
    if dest.exists():
        raise FileExistsError(f"{dest} already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # The copy is a standalone file: rollback-journal mode, no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
            (result,) = target.execute("PRAGMA integrity_check").fetchone()
            if result != "ok":
                raise sqlite3.DatabaseError(f"backup copy failed its integrity check: {result}")
        finally:
            target.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def make_backup(db_path: Path, reason: str, *, keep: int = DEFAULT_KEEP) -> Path:
    """A timestamped backup in the database's backup folder, then rotate old ones."""
    folder = backup_dir_for(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    backup_to(db_path, dest)
    rotate(db_path, keep=keep)
    return dest


def list_backups(db_path: Path) -> list[Path]:
    """Backups of ``db_path``, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def rotate(db_path: Path, *, keep: int = DEFAULT_KEEP) -> None:
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
