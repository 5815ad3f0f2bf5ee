"""Checking a database file without writing to it: SQLite's own checks, foreign keys, schema revision."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from storage.revisions import head_revision, include_object, known_revisions
from storage.schema_objects import unexpected_objects

_SQLITE_MAGIC = b"SQLite format 3\x00"
_MAX_PROBLEMS = 20


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database file (``mode=ro``)."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def header_looks_whole(path: Path) -> bool:
    """Cheap test on the 100-byte header: the file is as long as SQLite says it should be.

    A torn copy or a truncated download fails this; damage inside a page needs a real check.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return False
    pages = int.from_bytes(head[28:32], "big")
    # The in-header page count is valid only when "version-valid-for" equals the change counter.
    return not (head[92:96] == head[24:28] and pages and pages * page_size != size)


def wal_has_content(path: Path) -> bool:
    """A non-empty -wal file: the last session did not close cleanly (or is still open)."""
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def run_check(path: Path, *, full: bool = False) -> list[str]:
    """SQLite's check (quick or full) of the file, read-only; an empty list means it is sound."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({_MAX_PROBLEMS})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


@dataclass
class CheckReport:
    """What `claimdesk check` found in one file."""

    path: Path | str  # a file, or a server address (without password)
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    revision: str | None = None
    schema: str = ""  # a sentence about the schema revision
    schema_ok: bool = False
    # Triggers, views, tables, indexes Claimdesk did not create (someone else's SQL).
    foreign_objects: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was not checked here, and why

    @property
    def ok(self) -> bool:
        return (not self.integrity and not self.foreign_keys and self.schema_ok
                and not self.foreign_objects)

    def lines(self) -> list[str]:
        out = [f"database:     {self.path}"]
        out.append("integrity:    ok" if not self.integrity
                   else f"integrity:    DAMAGED ({len(self.integrity)} problem(s))")
        out += [f"  - {p}" for p in self.integrity]
        out.append("foreign keys: ok" if not self.foreign_keys
                   else f"foreign keys: {len(self.foreign_keys)} row(s) point to missing rows")
        out += [f"  - {p}" for p in self.foreign_keys[:_MAX_PROBLEMS]]
        out.append(f"schema:       {self.schema}")
        if self.foreign_objects:
            out.append(f"objects:      {len(self.foreign_objects)} not made by Claimdesk "
                       "(refused on open)")
            out += [f"  - {p}" for p in self.foreign_objects[:_MAX_PROBLEMS]]
        out += [f"note:         {n}" for n in self.notes]
        out.append("result:       the database is sound" if self.ok
                   else "result:       the database has problems (see above); nothing was changed")
        return out


def check_database(path: Path) -> CheckReport:
    """The full check of ``path``: integrity_check, foreign_key_check and the schema revision.

    Opens the file read-only; never writes to it.
    """
    path = Path(path).expanduser().resolve()
    report = CheckReport(path)
    if not path.is_file():
        report.integrity = ["no such file"]
        report.schema = "not checked"
        return report
    with open(path, "rb") as fh:
        if not fh.read(16).startswith(_SQLITE_MAGIC):
            report.integrity = ["not a SQLite database file"]
            report.schema = "not checked"
            return report
    report.integrity = run_check(path, full=True)
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        report.integrity.append(str(exc))
        return report
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            report.revision = row[0] if row else None
            if report.revision in known_revisions():
                report.foreign_objects = unexpected_objects(conn, report.revision)
        report.foreign_keys = [
            f"table {table} row {rowid} -> {parent}"
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
        ]
        if "alembic_version" not in tables:
            report.schema = "not a Claimdesk database (no schema revision)"
            return report
    except sqlite3.DatabaseError as exc:
        report.integrity.append(str(exc))
        report.schema = "could not be read"
        return report
    finally:
        conn.close()
    _judge_revision(report)
    return report


def _judge_revision(report: CheckReport) -> None:
    head = head_revision()
    if report.revision == head:
        report.schema, report.schema_ok = f"{head} (current)", True
    elif report.revision in known_revisions():
        report.schema = f"{report.revision} (older; upgraded to {head} when opened)"
        report.schema_ok = True
    else:
        report.schema = f"{report.revision} (unknown: written by a newer Claimdesk?)"


def check_server(url: str) -> CheckReport:
    """What can be checked of a server database from a client, in a read-only transaction.

    The storage itself (pages, indexes, WAL) is the server's to check: PostgreSQL verifies
    page checksums and enforces every constraint on write, and ``pg_amcheck`` is the
    administrator's tool. Here: the connection, the schema revision, that the tables match
    this Claimdesk's models, that no foreign key is left unvalidated, and the search indexes.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401 (the tables)
    from storage.database import display_url, make_server_engine

    report = CheckReport(display_url(url))
    report.notes.append("page-level integrity is the server's to check (data checksums, "
                        "pg_amcheck); backups too (pg_dump)")
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables:
                report.schema = "not a Claimdesk database (no schema revision)"
                return report
            report.revision = conn.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
            report.foreign_keys = [
                f"constraint {name} on {table} is not validated"
                for name, table in conn.exec_driver_sql(
                    "SELECT conname, conrelid::regclass::text FROM pg_constraint "
                    "WHERE contype = 'f' AND NOT convalidated")
            ]
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_object": include_object})
            drift = compare_metadata(ctx, SQLModel.metadata)
            report.integrity += [f"schema differs from this Claimdesk: {d}" for d in drift[:20]]
            indexes = {r[0] for r in conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
            report.integrity += [f"search index {name} is missing"
                                 for name in ("claim_fts_gin", "article_fts_gin")
                                 if name not in indexes]
            unaccent = conn.exec_driver_sql(
                "SELECT 1 FROM pg_extension WHERE extname = 'unaccent'").scalar()
            report.notes.append("search folds accents (unaccent)" if unaccent else
                                "search without accent folding (unaccent not installed)")
    except DBAPIError as exc:
        report.integrity.append(str(getattr(exc, "orig", exc)).strip().splitlines()[0])
        report.schema = "not checked"
        return report
    finally:
        engine.dispose()
    _judge_revision(report)
    return report
