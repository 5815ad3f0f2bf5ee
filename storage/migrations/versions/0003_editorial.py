"""Editorial integrity: published versions of verdicts (snapshots, corrections), the verdict's
author (for two-person review), and the desk's settings (organisation, corrections contact…).

Revision ID: 0003_editorial
Revises: 0003_factchecks (re-chained after #16 landed; first written on 0002)
Create Date: 2026-12-06

Verdicts already published when this runs get their first published version from what they
say now, so the outputs have a snapshot to print from the first export after the upgrade.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0003_editorial"
down_revision = "0003_factchecks"
branch_labels = None
depends_on = None

_EVIDENCE = ("title", "publisher", "url", "published", "quote", "note")


def upgrade() -> None:
    op.create_table(
        "verdict_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        # No foreign key: a publication stays on record whatever later happens to the group.
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
    )
    op.create_index("ix_verdict_version_group_id", "verdict_version", ["group_id"])
    op.create_index("ux_verdict_version_group_number", "verdict_version", ["group_id", "number"],
                    unique=True)
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=True),
    )
    with op.batch_alter_table("verdict") as batch:
        batch.add_column(sa.Column("author", sa.String(), nullable=True))
    _snapshot_published(op.get_bind())


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _figures(value: object) -> list:
    if isinstance(value, str):  # SQLite hands JSON back as text through a raw select
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [f for f in value if isinstance(f, dict)] if isinstance(value, list) else []


def _snapshot_published(conn: sa.Connection) -> None:
    """A first published version for every verdict that is published already."""
    verdicts = conn.execute(sa.text(
        "SELECT v.id, v.group_id, v.rating, v.summary, v.rationale, v.reviewer, v.updated_at, "
        "g.canonical_text, g.category FROM verdict v JOIN claim_group g ON g.id = v.group_id "
        "WHERE v.status = 'published'")).all()
    now = dt.datetime.now(dt.UTC)
    for vid, gid, rating, summary, rationale, reviewer, updated, text, category in verdicts:
        evidence = [dict(zip(_EVIDENCE, (_iso(x) for x in row), strict=True)) for row in conn.execute(
            sa.text("SELECT title, publisher, url, published, quote, note FROM evidence "
                    "WHERE verdict_id = :v ORDER BY position, id"), {"v": vid})]
        appearances = [
            {"claim_id": cid, "outlet": outlet, "published": _iso(published), "sentence": sentence,
             "url": url, "article_title": title, "claimant": claimant,
             "figures": _figures(figures)}
            for cid, sentence, figures, claimant, title, url, published, outlet in conn.execute(
                sa.text("SELECT c.id, c.sentence, c.figures, c.claimant, a.title, a.url, "
                        "a.published, o.name FROM claim_group_member m "
                        "JOIN claim c ON c.id = m.claim_id JOIN article a ON a.id = c.article_id "
                        "JOIN outlet o ON o.id = a.outlet_id "
                        "WHERE m.group_id = :g AND m.decision != 'rejected' "
                        "ORDER BY a.published IS NULL, a.published, o.name, c.id"), {"g": gid})
        ]
        snapshot = {"canonical_text": text, "category": category, "appearances": appearances,
                    "rating": rating, "summary": summary or "", "rationale": rationale or "",
                    "reviewer": reviewer, "author": None, "evidence": evidence}
        conn.execute(sa.text(
            "INSERT INTO verdict_version (group_id, number, reason, published_at, published_by, "
            "snapshot) VALUES (:g, 1, NULL, :at, :by, :s)").bindparams(
                sa.bindparam("s", type_=sa.JSON())),
            {"g": gid, "at": updated or now, "by": reviewer or "unknown", "s": snapshot})


def downgrade() -> None:
    with op.batch_alter_table("verdict") as batch:
        batch.drop_column("author")
    op.drop_table("setting")
    op.drop_table("verdict_version")
