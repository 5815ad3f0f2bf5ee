"""A database file from someone else, opened as untrusted input: read through a private snapshot.

A colleague's file is read, never written: not migrated, not switched to WAL, not backed up, no
``-wal``/``-shm`` or ``backups/`` beside it (it may sit on a read-only disk). Its pages are
copied into a temporary file with SQLite's backup API over a read-only connection (``mode=ro``;
``immutable=1`` for a WAL-mode file with no pending ``-wal``, which a read-only connection
could otherwise only read by creating ``-wal``/``-shm`` beside it). A file with a pending
``-wal`` or ``-journal`` is copied byte for byte with it, and SQLite finishes the pending work
in the copy. The copy is then checked (``quick_check``), its schema compared with ours, its
revision judged and, when older, upgraded — all in the copy, which is removed on dispose.
Every statement on it stops after :data:`TIME_LIMIT` seconds.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

from storage.database import Database, bound_in_time, is_interrupted, make_engine
from storage.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    ForeignFileTooSlow,
    ForeignSchemaObject,
    MigrationFailed,
    NotADatabase,
)
from storage.revisions import head_revision, known_revisions
from storage.schema import upgrade
from storage.schema_objects import unexpected_objects
from storage.temp_folders import make_temp_folder, remove_temp_folder

# Seconds any one unit of work on a foreign file may take (a snapshot check, the copy's read).
TIME_LIMIT = 300.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDECARS = ("-wal", "-journal")


def _pending(path: Path) -> list[str]:
    """The sidecar files holding work not yet in the main file (an unclean close)."""
    found = []
    for suffix in _SIDECARS:
        try:
            if Path(f"{path}{suffix}").stat().st_size > 0:
                found.append(suffix)
        except OSError:
            continue
    return found


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(100)
    except OSError as exc:
        raise NotADatabase(path, exc.strerror or str(exc)) from exc


def _snapshot(path: Path, head: bytes, snap: Path) -> None:
    """Copy ``path`` into ``snap`` without writing anything in ``path``'s folder."""
    pending = _pending(path)
    if pending:
        shutil.copyfile(path, snap)
        for suffix in pending:
            shutil.copyfile(f"{path}{suffix}", f"{snap}{suffix}")
        return
    wal_mode = head[18] == 2 or head[19] == 2
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if wal_mode else "")
    try:
        source = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise NotADatabase(path, str(exc)) from exc
    try:
        target = sqlite3.connect(snap)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise NotADatabase(path, str(exc)) from exc
    finally:
        source.close()


def _open_checked(path: Path, snap: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(snap, isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    bound_in_time(conn, TIME_LIMIT)
    return conn


def _judge(path: Path, snap: Path) -> str | None:
    """The snapshot's schema revision, after checking it; refusals name ``path``."""
    conn = _open_checked(path, snap)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            raise DatabaseDamaged(path, rows[0], None)
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            raise NotADatabase(path, "no Claimdesk schema revision in it")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        rev = row[0] if row else None
        if rev is not None and rev not in known_revisions():
            raise DatabaseTooNew(path, rev)
        found = unexpected_objects(conn, rev) if rev is not None else []
        if found:
            raise ForeignSchemaObject(path, found)
    except sqlite3.DatabaseError as exc:
        if is_interrupted(exc):
            raise ForeignFileTooSlow(path, TIME_LIMIT) from exc
        raise NotADatabase(path, str(exc)) from exc
    finally:
        conn.close()
    return rev


def open_foreign_file(location: Path | str) -> Database:
    """A database file from someone else, to read from: a checked, private snapshot at the
    current revision. Never writes to ``location`` or beside it; dispose removes the snapshot."""
    path = Path(location).expanduser().resolve()
    if not path.is_file():
        raise NotADatabase(path, "no such file")
    head = _header(path)
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        raise NotADatabase(path, "not a SQLite file, or truncated")
    folder = make_temp_folder("claimdesk-foreign-")  # a killed copy's is removed next start
    snap = folder / "snapshot.sqlite"
    try:
        _snapshot(path, head, snap)
        rev = _judge(path, snap)
        engine = make_engine(snap, time_limit=TIME_LIMIT)
        db = Database(snap, engine, location=str(path), time_limit=TIME_LIMIT)
        db.on_dispose(lambda: remove_temp_folder(folder))
        if rev != head_revision():
            try:
                upgrade(db)
            except Exception as exc:
                db.dispose()
                raise MigrationFailed(path, None, str(exc).splitlines()[0]) from exc
    except BaseException:
        remove_temp_folder(folder)
        raise
    return db
