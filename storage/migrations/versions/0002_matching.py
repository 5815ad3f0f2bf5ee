"""Matching: claim signatures, blocking keys, token frequencies, conflicts between groups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_signature",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("tokens", sa.String(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("version", sa.String(), nullable=False),
    )
    op.create_table(
        "claim_match_key",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("weight", sa.Integer(), nullable=False),
    )
    op.create_index("ix_claim_match_key_claim_id", "claim_match_key", ["claim_id"])
    op.create_table(
        "token_frequency",
        sa.Column("token", sa.String(), primary_key=True),
        sa.Column("claims", sa.Integer(), nullable=False),
    )
    op.create_table(
        "group_conflict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("group_a", sa.Integer(), sa.ForeignKey("claim_group.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("group_b", sa.Integer(), sa.ForeignKey("claim_group.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=True),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_group_conflict_group_a", "group_conflict", ["group_a"])
    op.create_index("ix_group_conflict_group_b", "group_conflict", ["group_b"])
    op.create_index("ux_group_conflict_pair", "group_conflict", ["group_a", "group_b"], unique=True)


def downgrade() -> None:
    for table in ("group_conflict", "token_frequency", "claim_match_key", "claim_signature"):
        op.drop_table(table)
