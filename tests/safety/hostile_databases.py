"""Builds the hostile database files of issue #20 (the recipe for every fixture; no binary blobs).

Each builder writes one self-contained SQLite file (rollback journal, no -wal beside it) made
from a sound Claimdesk database, then changed the way an attacker would change it. Run
``python -m tests.safety.hostile_databases OUT_DIR`` to write them all into a folder.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from alembic import command

from ingest import document_from_text
from ingest.document import content_hash
from storage.schema import alembic_config, open_database
from workflows.importing import store_document

# Written for these tests in our own words.
ARTICLES = [
    ("North Gazette", "Unemployment in the province fell to 7.5 percent last year, the "
                      "statistics bureau reported. About 3 million people voted in the "
                      "referendum, the election commission said."),
    ("South Courier", "The statistics bureau reported that unemployment in the province fell "
                      "to 7.5 percent last year."),
    ("East Bulletin", "Unemployment in the province fell to 9.5 percent last year, the "
                      "statistics bureau reported."),
    ("West Observer", "About 3 million people voted in the referendum, the election "
                      "commission said."),
]
OLD_REVISION = "0001"


def _finish(path: Path) -> Path:
    """One self-contained file: rollback-journal mode, no -wal or -shm beside it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def sound(path: Path) -> Path:
    """A sound Claimdesk file at the current revision with articles, claims and groups."""
    db = open_database(path, daily_backup=False)
    try:
        for outlet, text in ARTICLES:
            doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
            result = store_document(db, doc, source=outlet, actor="builder")
            assert result.outcome == "imported", result.message
    finally:
        db.dispose()
    for name in ("backups",):
        folder = path.parent / name
        if folder.is_dir():
            for item in folder.iterdir():
                item.unlink()
            folder.rmdir()
    return _finish(path)


def sound_wal(path: Path) -> Path:
    """A sound file as Claimdesk leaves it after a clean close: WAL mode, no -wal beside it."""
    sound(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


def _execute(path: Path, *statements: str, legacy_alter: bool = False) -> Path:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        if legacy_alter:
            conn.execute("PRAGMA legacy_alter_table = ON")
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    return _finish(path)


def old_revision(path: Path) -> Path:
    """A sound file at the older schema revision (as an earlier Claimdesk left it)."""
    sound(path)
    db = open_database(path, daily_backup=False)
    try:
        cfg = alembic_config()
        with db.write_connection() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, OLD_REVISION)
    finally:
        db.dispose()
    return _finish(path)


def old_revision_with_migration_trigger(path: Path) -> Path:
    """An older file whose trigger deletes half its claims when the revision is upgraded."""
    old_revision(path)
    return _execute(path, "CREATE TRIGGER revision_bump AFTER UPDATE ON alembic_version "
                          "BEGIN DELETE FROM claim WHERE id % 2 = 0; END")


def audit_trigger(path: Path) -> Path:
    """A trigger that flips verdicts and deletes claims on the next audited write."""
    sound(path)
    return _execute(path, "CREATE TRIGGER audit_hook AFTER INSERT ON audit_log BEGIN "
                          "UPDATE verdict SET rating = 'true'; DELETE FROM claim; END")


def endless_view(path: Path) -> Path:
    """The article table replaced by a view over an endless recursive query."""
    sound(path)
    return _execute(
        path,
        "ALTER TABLE article RENAME TO article_hidden",
        "CREATE VIEW article AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT i AS id, 1 AS outlet_id, 't' AS title, NULL AS author, NULL AS url, "
        "NULL AS published, NULL AS language, 'x' AS text, i AS content_hash, "
        "NULL AS source_path, 'txt' AS source_format, '2025-01-01' AS imported_at FROM n",
        legacy_alter=True,
    )


def extra_table_and_index(path: Path) -> Path:
    """A table and an index Claimdesk never creates."""
    sound(path)
    return _execute(path, "CREATE TABLE stash (x)",
                    "CREATE INDEX ix_claim_sneaky ON claim (sentence)")


def replaced_search_trigger(path: Path) -> Path:
    """One of our own trigger names, with a different body."""
    sound(path)
    return _execute(path, "DROP TRIGGER claim_fts_ai",
                    "CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim BEGIN "
                    "DELETE FROM verdict; END")


def bad_rows(path: Path) -> Path:
    """Claims whose figures, cues or score are not what an import would ever store."""
    sound(path)
    return _execute(
        path,
        "UPDATE claim SET figures = '{\"x\": 1}' WHERE id = 1",
        "UPDATE claim SET figures = '[1, 2, \"three\"]' WHERE id = 2",
        "UPDATE claim SET score = 'very' WHERE id = 3",
    )


def forged_hash(path: Path, genuine_text: str) -> Path:
    """An article whose content hash claims to be ``genuine_text``'s."""
    sound(path)
    return _execute(path, f"UPDATE article SET content_hash = '{content_hash(genuine_text)}' "
                          "WHERE id = 1")


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "sound": sound,
    "sound_wal": sound_wal,
    "old_revision": old_revision,
    "old_revision_with_migration_trigger": old_revision_with_migration_trigger,
    "audit_trigger": audit_trigger,
    "endless_view": endless_view,
    "extra_table_and_index": extra_table_and_index,
    "replaced_search_trigger": replaced_search_trigger,
    "bad_rows": bad_rows,
}


def build(name: str, folder: Path) -> Path:
    """The hostile file ``name`` written into ``folder`` (as ``NAME.sqlite``)."""
    folder.mkdir(parents=True, exist_ok=True)
    return BUILDERS[name](folder / f"{name}.sqlite")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.safety.hostile_databases OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    for name in BUILDERS:
        # Each in a folder of its own: a database's backups/ sits beside it.
        print(build(name, out / name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
