"""Initial schema: outlets, articles, claims, claim groups, verdicts, evidence, audit log, FTS.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outlet",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_outlet_name", "outlet", ["name"], unique=True)

    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "outlet_id",
            sa.Integer(),
            sa.ForeignKey("outlet.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("source_path", sa.String(), nullable=True),
        sa.Column("source_format", sa.String(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_outlet_id", "article", ["outlet_id"])
    op.create_index("ix_article_published", "article", ["published"])
    op.create_index("ix_article_content_hash", "article", ["content_hash"], unique=True)

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("sentence", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(), nullable=True),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("claimant", sa.String(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_claim_article_id", "claim", ["article_id"])
    op.create_index("ix_claim_category", "claim", ["category"])
    op.create_index("ix_claim_status", "claim", ["status"])

    op.create_table(
        "claim_group",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("canonical_text", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_claim_group_category", "claim_group", ["category"])

    op.create_table(
        "claim_group_member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("claim_group.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "claim_id",
            sa.Integer(),
            sa.ForeignKey("claim.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_claim_group_member_group_id", "claim_group_member", ["group_id"])
    op.create_index("ix_claim_group_member_claim_id", "claim_group_member", ["claim_id"])
    op.create_index(
        "ix_member_group_claim", "claim_group_member", ["group_id", "claim_id"], unique=True
    )
    op.create_index(
        "ux_member_active_claim",
        "claim_group_member",
        ["claim_id"],
        unique=True,
        sqlite_where=sa.text("decision != 'rejected'"),
        postgresql_where=sa.text("decision != 'rejected'"),
    )

    op.create_table(
        "verdict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("claim_group.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("rating", sa.String(), nullable=True),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("rationale", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verdict_group_id", "verdict", ["group_id"], unique=True)
    op.create_index("ix_verdict_status", "verdict", ["status"])

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "verdict_id",
            sa.Integer(),
            sa.ForeignKey("verdict.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("quote", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
    )
    op.create_index("ix_evidence_verdict_id", "evidence", ["verdict_id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_index("ix_audit_log_entity_id", "audit_log", ["entity_id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _create_sqlite_fts()
    elif dialect == "postgresql":
        _create_postgresql_fts()


def _create_sqlite_fts() -> None:
    # External-content FTS5 indexes kept in step by triggers; unicode61 folds case for
    # Cyrillic too, and remove_diacritics 2 lets "Zelenskyy" and accented spellings match.
    tokenize = "unicode61 remove_diacritics 2"
    for table, columns in (("claim", ("sentence", "claimant")), ("article", ("title", "text"))):
        fts = f"{table}_fts"
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='id', tokenize='{tokenize}')"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
        )


# What each table's search document is made of (the same columns as the FTS5 tables).
FTS_COLUMNS = {"claim": ("sentence", "claimant"), "article": ("title", "text")}


def _unaccent(bind: sa.Connection) -> str | None:
    """The schema-qualified unaccent function, creating the extension when allowed (it is a
    trusted extension: a database owner may); None where it is not installed or permitted."""
    query = ("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
             "ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'")
    found = bind.exec_driver_sql(query).scalar()
    if found is None:
        available = bind.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").scalar()
        if not available:
            return None
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()
            return None
        found = bind.exec_driver_sql(query).scalar()
    return f'"{found}".unaccent'


def _create_postgresql_fts() -> None:
    # tsvector documents in the 'simple' configuration (no stemming, so Cyrillic and Latin are
    # treated alike: lower-cased words), accents folded by unaccent where the server has it.
    # Names inside the functions are schema-qualified, so an index rebuild or a pg_restore
    # with another search_path finds them. The GIN indexes are on the same function calls the
    # queries in storage/search.py read.
    bind = op.get_bind()
    schema = '"' + bind.exec_driver_sql("SELECT current_schema()").scalar() + '"'
    unaccent = _unaccent(bind)
    fold = f"SELECT {unaccent}('{unaccent}'::regdictionary, $1)" if unaccent else "SELECT $1"
    op.execute(
        f"CREATE FUNCTION {schema}.claimdesk_fold(text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$ {fold} $fn$"
    )
    # The document is a stored generated column (claimdesk_fts, left out of the SQLModel
    # classes like the FTS5 tables): ranking reads it instead of re-parsing every match.
    for table, (a, b) in FTS_COLUMNS.items():
        op.execute(
            f"CREATE FUNCTION {schema}.claimdesk_{table}_doc(text, text) RETURNS tsvector "
            "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$ SELECT to_tsvector('simple'::regconfig, "
            f"{schema}.claimdesk_fold(coalesce($1, '') || ' ' || coalesce($2, ''))) $fn$"
        )
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN claimdesk_fts tsvector "
            f"GENERATED ALWAYS AS ({schema}.claimdesk_{table}_doc({a}, {b})) STORED"
        )
        op.execute(f"CREATE INDEX {table}_fts_gin ON {table} USING gin (claimdesk_fts)")
    # Every word the person typed becomes a quoted prefix term ('word':*) joined by AND, so
    # nothing typed is ever read as tsquery syntax: the words come out of to_tsvector, and
    # quotes and backslashes in them are escaped before the cast.
    op.execute(
        f"CREATE FUNCTION {schema}.claimdesk_prefix_query(text) RETURNS tsquery "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$ "
        r"SELECT coalesce(string_agg('''' || replace(replace(w, '\', '\\'), '''', '''''') "
        "|| ''':*', ' & '), '')::tsquery FROM unnest(tsvector_to_array(to_tsvector("
        f"'simple'::regconfig, {schema}.claimdesk_fold($1)))) AS w $fn$"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in FTS_COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS {table}_fts_gin")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS claimdesk_fts")
            op.execute(f"DROP FUNCTION IF EXISTS claimdesk_{table}_doc(text, text)")
        op.execute("DROP FUNCTION IF EXISTS claimdesk_prefix_query(text)")
        op.execute("DROP FUNCTION IF EXISTS claimdesk_fold(text)")
    if op.get_bind().dialect.name == "sqlite":
        for table in ("claim", "article"):
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for table in (
        "audit_log",
        "evidence",
        "verdict",
        "claim_group_member",
        "claim_group",
        "claim",
        "article",
        "outlet",
    ):
        op.drop_table(table)
