"""An open Claimdesk database: the SQLAlchemy engine and the read/write units of work.

SQLite is driven in "real transaction" mode (the driver's own implicit transactions are turned
off and we emit BEGIN ourselves), because with the default driver behaviour DDL inside
``engine.begin()`` does not roll back — a failed migration would leave a half-applied schema.
Writes start with ``BEGIN IMMEDIATE`` so that two writers queue on the busy timeout instead of
failing half-way with a lock upgrade error; reads use a plain deferred ``BEGIN`` and, in WAL
mode, never block or get blocked by a writer.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from storage.errors import DatabaseBusy, DatabaseReadOnly, DiskFull, WriteRefused

BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "claimdesk_write"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL: an application crash never loses a commit; only power loss may lose the last.
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine on a SQLite file with WAL, foreign keys, busy timeout and real transactions."""
    # NullPool: a connection per unit of work, so no pooled connection outlives a closed
    # database (the GUI switches databases) and threads never share one.
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _configure_sqlite(engine)
    return engine


def refused_write(exc: BaseException, path: Path | None) -> WriteRefused | None:
    """The user's sentence for a write SQLite could not make (full disk, read-only file)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    text = str(orig).lower()
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFull(path)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or "readonly" in text:
        return DatabaseReadOnly(path)
    if isinstance(orig, OSError) and orig.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(path)
    if isinstance(orig, OSError) and orig.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DatabaseReadOnly(path)
    return None


class Database:
    """An open database file. Obtain one with :func:`storage.schema.open_database`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot for its whole duration).

        Closing (not rolling back) ends it, so objects read here stay usable afterwards.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: one transaction, committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                session.connection(execution_options={_WRITE_OPTION: True})
            except OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise DatabaseBusy(self.path) from exc
                refused = refused_write(exc, self.path)
                if refused is not None:
                    raise refused from exc
                raise
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                refused = refused_write(exc, self.path) if isinstance(
                    exc, OperationalError | sqlite3.OperationalError) else None
                if refused is not None:
                    raise refused from exc
                raise

    @contextmanager
    def write_connection(self) -> Iterator:
        """A core connection in one IMMEDIATE transaction, for bulk paths and migrations."""
        conn = self.engine.connect().execution_options(**{_WRITE_OPTION: True})
        try:
            with conn, conn.begin():
                yield conn
        except OperationalError as exc:
            refused = refused_write(exc, self.path)
            if refused is not None:
                raise refused from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()
