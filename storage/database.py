"""An open Claimdesk database: the SQLAlchemy engine and the read/write units of work.

SQLite is driven in "real transaction" mode (the driver's own implicit transactions are turned
off and we emit BEGIN ourselves), because with the default driver behaviour DDL inside
``engine.begin()`` does not roll back — a failed migration would leave a half-applied schema.
Writes start with ``BEGIN IMMEDIATE`` so that two writers queue on the busy timeout instead of
failing half-way with a lock upgrade error; reads use a plain deferred ``BEGIN`` and, in WAL
mode, never block or get blocked by a writer.

On a PostgreSQL server (team mode) the same units of work keep the same guarantees: a write
transaction first takes one transaction-scoped advisory lock, so writers queue exactly as on
SQLite (with the same 10 s limit) and every check-then-write in the code stays atomic; a read
runs at REPEATABLE READ, one consistent snapshot like a SQLite read transaction. Readers never
wait for writers.
"""

from __future__ import annotations

import errno
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from storage.errors import (
    DatabaseBusy,
    DatabaseReadOnly,
    DiskFull,
    ForeignFileTooSlow,
    ServerConnectionLost,
    ServerUnavailable,
    WriteRefused,
)

BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "claimdesk_write"


# How many SQLite virtual-machine steps run between two looks at the clock on a foreign file.
_PROGRESS_STEPS = 100_000


def bound_in_time(conn: sqlite3.Connection, seconds: float) -> None:
    """Make every statement on ``conn`` fail ("interrupted") once ``seconds`` have passed since
    now: a file from someone else can hold a query that never ends."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, _PROGRESS_STEPS)


def is_interrupted(exc: BaseException) -> bool:
    """The error of a statement stopped by :func:`bound_in_time`."""
    return "interrupted" in str(getattr(exc, "orig", exc)).lower()


def _configure_sqlite(engine: Engine, time_limit: float | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
        if time_limit is not None:
            bound_in_time(dbapi_conn, time_limit)
        cur = dbapi_conn.cursor()
        # Views and triggers may not call functions with side effects (SQLite's advice for
        # every application; a database file can come from someone else).
        cur.execute("PRAGMA trusted_schema = OFF")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL: an application crash never loses a commit; only power loss may lose the last.
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(_WRITE_OPTION):
            if time_limit is None:
                # Our own search-index triggers write to FTS5 tables, which SQLite allows only
                # with a trusted schema: a file's own writes, after open compared its schema
                # objects with ours (storage.schema_objects). Reads and every foreign file
                # stay untrusted.
                conn.exec_driver_sql("PRAGMA trusted_schema = ON")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("PRAGMA trusted_schema = OFF")
            conn.exec_driver_sql("BEGIN")


# Every write transaction on a server announces itself on this channel (LISTEN/NOTIFY): the
# notification is delivered when, and only if, the transaction commits, so a window listening
# (storage.change_feed) refreshes on each commit instead of polling.
CHANGES_CHANNEL = "claimdesk_changes"


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_MS}ms'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")
            conn.exec_driver_sql(f"NOTIFY {CHANGES_CHANNEL}")  # sent at commit, never on rollback
        else:
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


# The advisory lock every writer of one PostgreSQL database takes (any constant will do, as
# long as every Claimdesk uses the same one): "CDSK" in ASCII.
WRITER_LOCK_KEY = 0x4344534B
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(location: object) -> bool:
    """A PostgreSQL address (``postgresql://user@host/db``) rather than a file path."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def driver_url(url: str) -> str:
    """The SQLAlchemy address for psycopg 3, whichever PostgreSQL scheme was typed."""
    _scheme, _, rest = url.strip().partition("://")
    return f"postgresql+psycopg://{rest}"


def display_url(url: str) -> str:
    """A server address fit to show and log: never the password."""
    scheme, _, rest = url.strip().partition("://")
    userinfo, at, host = rest.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}{at}{host}" if at else url.strip()


def make_server_engine(url: str) -> Engine:
    """An engine on a PostgreSQL database: UTC timestamps, pooled connections checked before use."""
    engine = create_engine(
        driver_url(url),
        pool_pre_ping=True,  # a server restart or a dropped connection is noticed, not raised
        pool_size=4,
        max_overflow=8,
        connect_args={"connect_timeout": 10, "application_name": "claimdesk",
                      "options": "-c TimeZone=UTC"},
    )
    _configure_postgresql(engine)
    return engine


def make_engine(path: Path, *, time_limit: float | None = None) -> Engine:
    """An engine on a SQLite file with WAL, foreign keys, busy timeout and real transactions;
    with ``time_limit``, every connection's statements stop after that many seconds."""
    # NullPool: a connection per unit of work, so no pooled connection outlives a closed
    # database (the GUI switches databases) and threads never share one.
    # The connection is made from the path itself, never by pasting it into a URL: "%41" or
    # "?mode=memory" in a file name would otherwise open another file than the one checked.
    target = str(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    _configure_sqlite(engine, time_limit)
    return engine


# PostgreSQL's wire protocol counts bind parameters in 16 bits.
_SERVER_VARIABLE_LIMIT = 65_535


def _connection_limit(conn: Connection) -> int:
    if conn.dialect.name != "sqlite":
        return _SERVER_VARIABLE_LIMIT
    raw = conn.connection.dbapi_connection
    return int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[union-attr]


def _chunk(limit: int) -> int:
    return max(1, min(10_000, limit // 2))


def variable_limit(db: Database) -> int:
    """How many bound values one statement may carry on ``db``'s engine (SQLite: the
    connection's own limit, 32,766 by default; PostgreSQL: 65,535)."""
    if db.is_server:
        return _SERVER_VARIABLE_LIMIT
    with db.engine.connect() as conn:
        return _connection_limit(conn)


def in_chunk(db: Database) -> int:
    """Values per ``IN (…)`` list on ``db``: half its limit, room for the statement's others."""
    return _chunk(variable_limit(db))


def session_in_chunk(session: Session) -> int:
    """``in_chunk`` for the engine behind an open session (queries that get a session, not
    the Database): read from the session's own connection."""
    return _chunk(_connection_limit(session.connection()))


def refused_write(exc: BaseException, path: Path | None) -> WriteRefused | None:
    """The user's sentence for a write the database could not make (full disk, read-only)."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None)  # PostgreSQL (psycopg)
    if sqlstate is not None:
        if sqlstate == "53100":  # disk_full
            return DiskFull(path)
        if sqlstate == "25006":  # read_only_sql_transaction: a standby, or a read-only role
            return DatabaseReadOnly(path)
        return None
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


def _is_busy(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) == "55P03":  # lock_not_available (lock_timeout)
        return True
    return "locked" in str(exc) or "busy" in str(exc)


# connection_exception, admin/crash shutdown, cannot connect now: the server, not the query.
_SERVER_GONE_STATES = ("08", "57P01", "57P02", "57P03")


def lost_server(exc: BaseException, location: str) -> ServerUnavailable | ServerConnectionLost | None:
    """The user's sentence for a PostgreSQL server that cannot be reached or went away."""
    if not isinstance(exc, OperationalError):
        return None
    orig = exc.orig
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    if not isinstance(orig, psycopg.OperationalError):
        return None
    state = getattr(orig, "sqlstate", None)
    if state is not None and not state.startswith(_SERVER_GONE_STATES):
        return None
    detail = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    if exc.connection_invalidated or state is not None:
        return ServerConnectionLost(location, detail)
    return ServerUnavailable(location, detail)


class Database:
    """An open database: a file (``path``) or, in team mode, a PostgreSQL server (``path`` is
    None, ``location`` the address without its password). Obtain one with
    :func:`storage.schema.open_database` or :func:`storage.schema.open_location`."""

    def __init__(self, path: Path | None, engine: Engine, location: str | None = None, *,
                 time_limit: float | None = None) -> None:
        self.path = path
        self.engine = engine
        self.location = location if location is not None else str(path)
        # A file from someone else read through a snapshot: its queries are bounded in time.
        self.time_limit = time_limit
        self._on_dispose: list[Callable[[], None]] = []
        # An engine's first connection runs SQLAlchemy's one-time dialect set-up, which is not
        # safe when two threads make it at once ("deque mutated during iteration": a worker's
        # read racing the window's). The first unit of work makes it alone; later ones need no
        # lock. Not made here: opening checks a file before anything connects to it.
        self._first_connect = threading.Lock()
        self._connected = False

    def _connect_once(self) -> None:
        if self._connected:
            return
        with self._first_connect:
            if not self._connected:
                with self.engine.connect():
                    pass
                self._connected = True

    def on_dispose(self, action: Callable[[], None]) -> None:
        """Run ``action`` when the database is closed (e.g. remove a temporary snapshot)."""
        self._on_dispose.append(action)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def is_server(self) -> bool:
        return self.dialect != "sqlite"

    @property
    def where(self) -> Path | str:
        """What error sentences name: the file, or the server address."""
        if self.time_limit is not None or self.path is None:
            return self.location
        return self.path

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot for its whole duration).

        Closing (not rolling back) ends it, so objects read here stay usable afterwards.
        """
        try:
            self._connect_once()
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except OperationalError as exc:
            gone = lost_server(exc, self.location) if self.is_server else None
            if gone is not None:
                raise gone from exc
            if self.time_limit is not None and is_interrupted(exc):
                raise ForeignFileTooSlow(self.location, self.time_limit) from exc
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: one transaction, committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                self._connect_once()
                session.connection(execution_options={_WRITE_OPTION: True})
            except OperationalError as exc:
                if _is_busy(exc):
                    raise DatabaseBusy(self.where) from exc
                refused = refused_write(exc, self.where) or (
                    lost_server(exc, self.location) if self.is_server else None)
                if refused is not None:
                    raise refused from exc
                raise
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                refused = refused_write(exc, self.where) if isinstance(
                    exc, OperationalError | sqlite3.OperationalError) else None
                if refused is None and self.is_server:
                    refused = lost_server(exc, self.location)
                if refused is not None:
                    raise refused from exc
                raise

    @contextmanager
    def write_connection(self) -> Iterator:
        """A core connection in one IMMEDIATE transaction, for bulk paths and migrations."""
        try:
            self._connect_once()
            conn = self.engine.connect().execution_options(**{_WRITE_OPTION: True})
            with conn, conn.begin():
                yield conn
        except OperationalError as exc:
            if _is_busy(exc):
                raise DatabaseBusy(self.where) from exc
            refused = refused_write(exc, self.where)
            if refused is not None:
                raise refused from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()
        while self._on_dispose:
            self._on_dispose.pop()()
