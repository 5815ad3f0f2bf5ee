"""Checking a database file without writing to it: SQLite's own checks, foreign keys, schema revision."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

_SQLITE_MAGIC = b"SQLite format 3\x00"
_MAX_PROBLEMS = 20


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database file (``mode=ro``)."""
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


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

    path: Path
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    revision: str | None = None
    schema: str = ""  # a sentence about the schema revision
    schema_ok: bool = False

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys and self.schema_ok

    def lines(self) -> list[str]:
        out = [f"database:     {self.path}"]
        out.append("integrity:    ok" if not self.integrity
                   else f"integrity:    DAMAGED ({len(self.integrity)} problem(s))")
        out += [f"  - {p}" for p in self.integrity]
        out.append("foreign keys: ok" if not self.foreign_keys
                   else f"foreign keys: {len(self.foreign_keys)} row(s) point to missing rows")
        out += [f"  - {p}" for p in self.foreign_keys[:_MAX_PROBLEMS]]
        out.append(f"schema:       {self.schema}")
        out.append("result:       the database is sound" if self.ok
                   else "result:       the database has problems (see above); nothing was changed")
        return out


def check_database(path: Path) -> CheckReport:
    """The full check of ``path``: integrity_check, foreign_key_check and the schema revision.

    Opens the file read-only; never writes to it.
    """
    from storage.schema import head_revision, known_revisions

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
        report.foreign_keys = [
            f"table {table} row {rowid} -> {parent}"
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
        ]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            report.schema = "not a Claimdesk database (no schema revision)"
            return report
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        report.revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        report.integrity.append(str(exc))
        report.schema = "could not be read"
        return report
    finally:
        conn.close()
    head = head_revision()
    if report.revision == head:
        report.schema, report.schema_ok = f"{head} (current)", True
    elif report.revision in known_revisions():
        report.schema = f"{report.revision} (older; upgraded to {head} when opened)"
        report.schema_ok = True
    else:
        report.schema = f"{report.revision} (unknown: written by a newer Claimdesk?)"
    return report
