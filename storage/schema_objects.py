"""The schema objects our migrations create, and what a file holds beyond them.

A trigger, view, table or index in a file that Claimdesk did not create is someone else's SQL
that would run with the user's data (a trigger on ``audit_log`` that flips verdicts, a view in
place of ``article`` that never ends). Before anything else runs on a file, its
``sqlite_master`` is compared with what the migrations create at its revision: names for tables
and indexes, and the exact SQL (spacing aside) for triggers, views and virtual tables, which
hold code. SQLite's own objects (``sqlite_autoindex_…``, ``sqlite_sequence``,
``sqlite_stat…``) are expected anywhere.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from alembic import command

from storage import revisions
from storage.database import Database, make_engine
from storage.temp_folders import make_temp_folder, remove_temp_folder

_CODE_TYPES = ("trigger", "view")
_ORDER = {"view": 0, "trigger": 1, "table": 2, "index": 3}
_SQLITE_OWN = re.compile(r"^sqlite_(autoindex_.+|sequence|stat\d)$")

# (type, name) -> the normalised SQL of objects that hold code, None for the others.
Expected = dict[tuple[str, str], str | None]


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split()).rstrip(";").lower()


def _holds_code(type_: str, sql: str | None) -> bool:
    return type_ in _CODE_TYPES or _normal(sql).startswith("create virtual table")


def _objects(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")]


@lru_cache(maxsize=8)
def _expected(migrations: str, revision: str) -> Expected:
    folder = make_temp_folder("claimdesk-schema-")
    try:
        path = folder / "expected.sqlite"
        db = Database(path, make_engine(path))
        try:
            cfg = revisions.alembic_config()
            with db.write_connection() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        finally:
            db.dispose()
        conn = sqlite3.connect(path)
        try:
            return {(t, n): (_normal(sql) if _holds_code(t, sql) else None)
                    for t, n, _tbl, sql in _objects(conn)}
        finally:
            conn.close()
    finally:
        remove_temp_folder(folder)


def expected_objects(revision: str) -> Expected:
    """What our migrations create up to ``revision`` (a known one), built once per process."""
    return _expected(str(revisions.MIGRATIONS), revision)


def unexpected_objects(conn: sqlite3.Connection, revision: str) -> list[str]:
    """Each object in ``conn``'s file that our migrations do not create at ``revision``, as a
    phrase ("a trigger Claimdesk did not create: audit_hook (on audit_log)")."""
    expected = expected_objects(revision)
    found = []
    # Code first: a view or trigger is what would run.
    rows = sorted(_objects(conn), key=lambda r: _ORDER.get(r[0], len(_ORDER)))
    for type_, name, table, sql in rows:
        if _SQLITE_OWN.match(name or ""):
            continue
        where = f" (on {table})" if table and table != name else ""
        kind = f"an {type_}" if type_ == "index" else f"a {type_}"
        if (type_, name) not in expected:
            found.append(f"{kind} Claimdesk did not create: {name}{where}")
        elif expected[(type_, name)] is not None and expected[(type_, name)] != _normal(sql):
            found.append(f"{kind} named like Claimdesk's but changed: {name}{where}")
    return found
