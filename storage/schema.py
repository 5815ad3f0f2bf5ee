"""Opening a database: refuse what is not ours or too new, back up, then migrate to head.

Every schema change is an Alembic revision in ``storage/migrations``; the whole upgrade runs in
one real transaction (SQLite, or PostgreSQL, whose DDL is transactional too), so a failing step
leaves the database exactly as it was. A file is backed up first; a server database is not —
its backups are the server's business (pg_dump, the administrator's schedule).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DBAPIError

from storage.backup import (
    backup_is_due,
    clean_partials,
    clean_restore_leftovers,
    list_backups,
    make_backup,
)
from storage.database import (
    Database,
    display_url,
    is_server_url,
    make_engine,
    make_server_engine,
)
from storage.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    ForeignSchemaObject,
    MigrationFailed,
    NotADatabase,
    ReadOnlyLocation,
    ServerUnavailable,
    StorageError,
)
from storage.integrity import connect_readonly, header_looks_whole, run_check, wal_has_content
from storage.revisions import (  # noqa: F401 (include_object, current_revision: re-exported)
    alembic_config,
    current_revision,
    head_revision,
    include_object,
    known_revisions,
)
from storage.schema_objects import unexpected_objects
from storage.temp_folders import clean_temp_folders

log = logging.getLogger(__name__)
# Below this size a quick_check on every open costs a few milliseconds, so damage anywhere in
# a small database is found before anything writes to it. Larger files are checked when there
# is a sign of trouble (see _check_file) and before every backup (at most daily, on open).
ALWAYS_CHECK_BYTES = 32 * 1024 * 1024
# quick_check does not look inside indexes ("row 12 missing from index …"): up to this size
# the full integrity_check runs on every open (~0.05 s of CPU at 8 MiB), and up to
# ALWAYS_CHECK_BYTES whenever the file was not closed cleanly, so an index out of step with its
# table is found before an import writes through it (measured here: 35 MB, 0.08 s CPU quick,
# 0.24 s full).
FULL_CHECK_BYTES = 8 * 1024 * 1024

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path) -> None:
    """Refuse anything that is not a SQLite file before SQLite gets a chance to write to it."""
    if not path.is_file():
        raise NotADatabase(path, "not a file")
    size = path.stat().st_size
    if size == 0:
        return  # an empty file is a new database (e.g. created by a file dialog)
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        raise NotADatabase(path, "not a SQLite file, or truncated")
    # An unclean shutdown (non-empty -wal) or a file whose length disagrees with its header
    # (a torn copy, a truncated download) gets SQLite's check, read-only, before use.
    unclean = wal_has_content(path) or not header_looks_whole(path)
    if size <= ALWAYS_CHECK_BYTES or unclean:
        full = size <= FULL_CHECK_BYTES or (unclean and size <= ALWAYS_CHECK_BYTES)
        problems = run_check(path, full=full)
        if problems:
            backups = list_backups(path)
            raise DatabaseDamaged(path, _short(problems[0]), backups[0] if backups else None)


def _short(problem: str, limit: int = 160) -> str:
    problem = " ".join(problem.split()).rstrip(".")
    return problem if len(problem) <= limit else problem[: limit - 1] + "…"


def _peek_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without writing a byte to it."""
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise NotADatabase(path, str(exc)) from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = row[0] if row else None
            # Before anything else runs on it: no trigger, view, table or index of someone else's.
            found = unexpected_objects(conn, rev) if rev in known_revisions() else []
            if found:
                raise ForeignSchemaObject(path, found)
            return rev
        if tables:
            raise NotADatabase(path, "a SQLite file of another program")
        return None
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(path, str(exc)) from exc
    finally:
        conn.close()


def upgrade(db: Database, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction (no backup: see open_database)."""
    cfg = alembic_config()
    with db.write_connection() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def open_database(
    path: Path,
    *,
    create: bool = True,
    upgrade_to: str = "head",
    backup_before_migration: bool = True,
    daily_backup: bool = True,
) -> Database:
    """Open (or create) the database at ``path`` and bring its schema to ``upgrade_to``.

    Raises NotADatabase (foreign file), DatabaseDamaged (a Claimdesk file that fails its
    check), DatabaseTooNew (a schema this app does not know) or MigrationFailed (rolled back;
    the file is unchanged). A database with data whose newest backup is more than a day old
    is backed up (``daily_backup``).
    """
    path = Path(path).expanduser().resolve()
    exists = path.exists()
    if exists:
        # SQLite in WAL mode writes a -wal and a -shm file beside the database, even to read.
        if path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise ReadOnlyLocation(path)
        _check_file(path)
        clean_partials(path)  # what a killed backup left behind
        clean_restore_leftovers(path.parent)  # and a killed restore into this folder
    elif not create:
        raise NotADatabase(path, "no such file")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLocation(path) from exc
        if not os.access(path.parent, os.W_OK):
            raise ReadOnlyLocation(path)

    clean_temp_folders()  # what a killed copy or schema comparison left behind
    rev = _peek_revision(path) if exists else None
    if rev is not None and rev not in known_revisions():
        raise DatabaseTooNew(path, rev)

    engine = make_engine(path)
    db = Database(path, engine)
    target = head_revision() if upgrade_to == "head" else upgrade_to
    if rev != target:
        backup = None
        if rev is not None and backup_before_migration:
            backup = make_backup(path, f"before-{target}")
        try:
            upgrade(db, target)
        except Exception as exc:
            engine.dispose()
            raise MigrationFailed(path, backup, str(exc).splitlines()[0]) from exc
    if daily_backup and rev is not None:
        _daily_backup(path)
    return db


def open_location(location: str | Path, **kwargs: object) -> Database:
    """Open a database file or, for a ``postgresql://`` address, a server database (the
    file-only options, backups and ``create``, do not apply to a server)."""
    if is_server_url(location):
        upgrade_to = kwargs.get("upgrade_to", "head")
        return open_server_database(str(location), upgrade_to=str(upgrade_to))
    return open_database(Path(location), **kwargs)  # type: ignore[arg-type]


def _peek_server_revision(conn: Connection, label: str) -> str | None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if tables:
        raise NotADatabase(label, "a PostgreSQL database of another program")
    return None


def open_server_database(url: str, *, upgrade_to: str = "head") -> Database:
    """Open a Claimdesk database on a PostgreSQL server (team mode) and bring it to head.

    The address is ``postgresql://user[:password]@host[:port]/dbname``; the database must
    exist (the administrator creates it) and may be empty. Refusals are the file's: another
    program's tables, a newer schema, a failed migration (rolled back). No backup is made:
    Claimdesk cannot copy a server's database consistently from a client, and says so.
    """
    label = display_url(url)
    try:
        engine = make_server_engine(url)
    except Exception as exc:  # a malformed address (bad port, unknown scheme)
        raise ServerUnavailable(label, f"not a usable address: {exc}") from exc
    try:
        with engine.connect() as conn:
            rev = _peek_server_revision(conn, label)
    except DBAPIError as exc:
        engine.dispose()
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise ServerUnavailable(label, _short(detail[0] if detail else type(exc).__name__)) from exc
    except StorageError:
        engine.dispose()
        raise
    if rev is not None and rev not in known_revisions():
        engine.dispose()
        raise DatabaseTooNew(label, rev)
    db = Database(None, engine, location=label)
    target = head_revision() if upgrade_to == "head" else upgrade_to
    if rev != target:
        if rev is not None:
            log.info("upgrading %s from %s to %s without a backup: back up the server "
                     "database (pg_dump) first if it matters", label, rev, target)
        try:
            upgrade(db, target)
        except Exception as exc:
            engine.dispose()
            raise MigrationFailed(label, None, str(exc).splitlines()[0]) from exc
    return db


def _daily_backup(path: Path) -> None:
    if not backup_is_due(path) or not _has_data(path):
        return
    try:
        make_backup(path, "daily")
    except DatabaseDamaged:
        raise
    except StorageError as exc:  # no room, a read-only folder: opening must still work
        log.warning("daily backup skipped: %s", exc)


def _has_data(path: Path) -> bool:
    conn = connect_readonly(path)
    try:
        return conn.execute("SELECT EXISTS (SELECT 1 FROM article)").fetchone()[0] == 1
    except sqlite3.Error:
        return False
    finally:
        conn.close()
