"""Rescuing what a damaged database file still holds into a new file (``claimdesk recover``).

The damaged file is only read (``mode=ro``). A new database is created at the current schema,
and every table's rows are read by a full scan that uses no index (a damaged index is the
common case); where the table itself is damaged, it is read in rowid slices and the slices
that cannot be read are skipped and counted. Rows that no longer have their parent (a claim
whose article was lost) are dropped, the search indexes are rebuilt by their triggers, and the
new file is checked in full before it is named.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from storage.errors import StorageError
from storage.integrity import run_check
from storage.revisions import head_revision
from storage.schema import open_database

# Parents before children, so foreign keys hold as rows arrive.
TABLES = ("outlet", "article", "claim", "claim_group", "claim_group_member", "verdict",
          "evidence", "audit_log", "group_conflict", "claim_signature", "claim_match_key",
          "token_frequency")
_SLICE = 1_000


class RecoverRefused(StorageError):
    pass


@dataclass
class RecoverReport:
    """Rows rescued per table, and what could not be."""

    target: Path
    rows: dict[str, int] = field(default_factory=dict)
    unreadable_slices: dict[str, int] = field(default_factory=dict)
    orphans: int = 0

    def lines(self) -> list[str]:
        out = [f"recovered into {self.target}:"]
        out += [f"  {table + ':':<20} {n} rows" for table, n in self.rows.items()]
        for table, n in self.unreadable_slices.items():
            out.append(f"  {table}: {n} slice(s) of up to {_SLICE} rows could not be read")
        if self.orphans:
            out.append(f"  {self.orphans} row(s) dropped whose parent row was lost")
        out.append("checked: sound. Open it with --db, and keep the damaged file until you "
                   "have compared them.")
        return out


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _read(src: sqlite3.Connection, table: str, columns: list[str], report: RecoverReport
          ) -> list[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    try:
        return src.execute(f'SELECT {cols} FROM "{table}" NOT INDEXED').fetchall()
    except sqlite3.DatabaseError:
        pass
    rows: list[tuple] = []
    try:
        top = src.execute(f'SELECT max(rowid) FROM "{table}" NOT INDEXED').fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 10_000_000
    for low in range(0, top + 1, _SLICE):
        try:
            rows += src.execute(f'SELECT {cols} FROM "{table}" NOT INDEXED '
                                "WHERE rowid >= ? AND rowid < ?", (low, low + _SLICE)).fetchall()
        except sqlite3.DatabaseError:
            report.unreadable_slices[table] = report.unreadable_slices.get(table, 0) + 1
    return rows


def recover_database(damaged: Path, target: Path) -> RecoverReport:
    """Copy every readable row of ``damaged`` into ``target``, a new file; ``damaged`` is only
    read. Refused when ``target`` exists or the damaged file is not at this schema revision."""
    damaged, target = Path(damaged), Path(target)
    if not damaged.is_file():
        raise RecoverRefused(f"There is no file {damaged}; nothing was recovered.")
    if os.path.lexists(target):
        raise RecoverRefused(f"{target} already exists; recover into a new file name.")
    if not target.parent.is_dir():
        raise RecoverRefused(f"The folder {target.parent} does not exist; nothing was recovered.")
    src = sqlite3.connect(f"file:{quote(str(damaged))}?mode=ro", uri=True)
    src.execute("PRAGMA trusted_schema = OFF")
    created = False
    try:
        try:
            (rev,) = src.execute("SELECT version_num FROM alembic_version").fetchone()
        except (sqlite3.DatabaseError, TypeError) as exc:
            raise RecoverRefused(f"{damaged} has no readable Claimdesk schema revision; nothing "
                                 "was recovered.") from exc
        if rev != head_revision():
            raise RecoverRefused(f"{damaged} is at schema {rev}, not {head_revision()}: open a "
                                 "backup of it with this Claimdesk instead; nothing was recovered.")
        open_database(target, daily_backup=False).dispose()
        created = True
        report = RecoverReport(target)
        dest = sqlite3.connect(target, isolation_level=None)
        try:
            dest.execute("PRAGMA foreign_keys = OFF")
            dest.execute("BEGIN IMMEDIATE")
            for table in TABLES:
                columns = [c for c in _columns(dest, table) if c in set(_columns(src, table))]
                rows = _read(src, table, columns, report)
                marks = ", ".join("?" for _ in columns)
                names = ", ".join(f'"{c}"' for c in columns)
                dest.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})',
                                 rows)
                report.rows[table] = len(rows)
            for _ in range(len(TABLES)):  # a dropped parent can orphan a grandchild
                orphans = dest.execute("PRAGMA foreign_key_check").fetchall()
                if not orphans:
                    break
                for table, rowid, _parent, _fk in orphans:
                    dest.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                    report.orphans += 1
            dest.execute("COMMIT")
        finally:
            dest.close()
    except BaseException:
        if created:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        src.close()
    problems = run_check(target, full=True)
    if problems:
        raise RecoverRefused(f"The recovered copy {target} failed its check ({problems[0]}).")
    return report
