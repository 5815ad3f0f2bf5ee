"""Opening, creating and migrating database files: what is refused, what is upgraded, what survives."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import storage.models  # noqa: F401
import storage.revisions as revisions
import storage.schema as schema
from storage.backup import list_backups
from storage.errors import DatabaseTooNew, MigrationFailed, NotADatabase
from storage.schema import head_revision, include_object, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_new_database_is_at_head_with_wal_and_foreign_keys(db):
    with db.engine.connect() as conn:
        assert schema.current_revision(conn) == head_revision()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_models_match_the_migrated_schema(db):
    """The SQLModel classes and the Alembic revisions describe the same tables."""
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(ctx, SQLModel.metadata) == []


def test_foreign_keys_are_enforced(db):
    # SQLite says "FOREIGN KEY constraint failed", PostgreSQL "violates foreign key constraint".
    with pytest.raises(Exception, match="(?i)foreign key"), db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO article (outlet_id, text, content_hash, imported_at) "
            "VALUES (999, 'x', 'h', '2025-01-01')"
        )


def test_upgrade_from_first_revision_keeps_data(db_path):
    first = open_database(db_path, upgrade_to="0001")
    with first.write_connection() as conn:
        conn.exec_driver_sql(
            "INSERT INTO outlet (id, name, created_at) VALUES (1, 'Kyiv Post', '2025-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO article (id, outlet_id, title, text, content_hash, imported_at) "
            "VALUES (1, 1, 'Мінськ-2', 'Мінськ-2 підписано 12 лютого 2015 року.', 'abc', '2025-01-01')"
        )
    first.dispose()

    db = open_database(db_path)
    try:
        with db.read() as session:
            conn = session.connection()
            assert schema.current_revision(conn) == head_revision()
            row = conn.exec_driver_sql("SELECT title, text FROM article WHERE id = 1").one()
            assert row[0] == "Мінськ-2"
            assert "лютого" in row[1]
    finally:
        db.dispose()


def test_database_from_a_newer_app_is_refused_untouched(db_path):
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(db_path)
    assert _digest(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"just some text, not a database\n" * 10, b"\x00" * 4096, b"SQLite format 3\x00" + b"\x00" * 20],
    ids=["text", "zero-filled", "truncated"],
)
def test_foreign_or_damaged_files_are_refused_untouched(tmp_path, content):
    path = tmp_path / "odd.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotADatabase, match="not a Claimdesk database"):
        open_database(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "odd.sqlite-wal").exists()


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    before = _digest(path)
    with pytest.raises(NotADatabase, match="another program"):
        open_database(path)
    assert _digest(path) == before


def test_open_without_create_refuses_missing_file(tmp_path):
    with pytest.raises(NotADatabase, match="no such file"):
        open_database(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


BROKEN_REVISION = '''
"""A revision that fails half-way, to prove upgrades are all-or-nothing."""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("outlet", sa.Column("country", sa.String(), nullable=True))
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    raise RuntimeError("step two failed")


def downgrade():
    pass
'''


def test_failed_migration_rolls_back_and_leaves_a_backup(db_path, tmp_path, monkeypatch):
    db = open_database(db_path)
    with db.write_connection() as conn:
        conn.exec_driver_sql(
            "INSERT INTO outlet (name, created_at) VALUES ('Meduza', '2025-01-01')"
        )
    db.dispose()

    head_before = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(Path(schema.__file__).parent / "migrations", migrations)
    (migrations / "versions" / "9999_broken.py").write_text(
        BROKEN_REVISION.format(head=head_revision())
    )
    monkeypatch.setattr(revisions, "MIGRATIONS", migrations)

    with pytest.raises(MigrationFailed, match="rolled back") as info:
        open_database(db_path)

    with sqlite3.connect(db_path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(outlet)")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        names = [r[0] for r in conn.execute("SELECT name FROM outlet")]
    conn.close()
    assert "country" not in columns
    assert "scratch" not in tables
    assert version == head_before
    assert names == ["Meduza"]
    # The backup taken before the attempt is a complete, openable copy.
    backups = list_backups(db_path)
    assert info.value.backup in backups
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT name FROM outlet").fetchall() == [("Meduza",)]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
