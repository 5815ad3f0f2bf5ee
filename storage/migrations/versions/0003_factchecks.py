"""Fact-check library: published fact-checks imported from files, and "same claim" links.

Revision ID: 0003_factchecks
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_factchecks"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("claimant", sa.String(), nullable=True),
        sa.Column("rating_text", sa.String(), nullable=True),
        sa.Column("rating", sa.String(), nullable=True),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("source_file", sa.String(), nullable=True),
        sa.Column("source_format", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_key", sa.String(), nullable=False),
    )
    op.create_index("ix_fact_check_content_key", "fact_check", ["content_key"], unique=True)
    op.create_table(
        "fact_check_link",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("claim_group.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("fact_check_id", sa.Integer(),
                  sa.ForeignKey("fact_check.id", ondelete="CASCADE"), nullable=False),
        sa.Column("linked_by", sa.String(), nullable=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_fact_check_link_group_id", "fact_check_link", ["group_id"])
    op.create_index("ix_fact_check_link_fact_check_id", "fact_check_link", ["fact_check_id"])
    op.create_index("ux_fact_check_link", "fact_check_link", ["group_id", "fact_check_id"],
                    unique=True)
    op.create_table(
        "fact_check_index",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("covers", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "claim_check_hit",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("entry_key", sa.String(), nullable=False),
        sa.Column("closeness", sa.Float(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_claim_check_hit_closeness", "claim_check_hit", ["closeness"])


def downgrade() -> None:
    op.drop_table("claim_check_hit")
    op.drop_table("fact_check_index")
    op.drop_table("fact_check_link")
    op.drop_table("fact_check")
