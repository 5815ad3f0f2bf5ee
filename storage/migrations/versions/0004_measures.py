"""Measures over time: measures, their claims' values, which claims were scanned, reference figures.

Revision ID: 0004_measures
Revises: 0003_editorial
Create Date: 2026-12-07

Nothing is filled here: the next matching run (or ``claimdesk measures``) works out the
measures of every claim the scan table does not list yet.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_measures"
down_revision = "0003_editorial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("user_name", sa.String(), nullable=True),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("merged_into", sa.Integer(),
                  sa.ForeignKey("measure.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_measure_key", "measure", ["key"], unique=True)
    op.create_index("ix_measure_merged_into", "measure", ["merged_into"])
    op.create_table(
        "measure_member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("measure_id", sa.Integer(), sa.ForeignKey("measure.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("figure", sa.String(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("period", sa.String(), nullable=True),
        sa.Column("period_stated", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_measure_member_measure_id", "measure_member", ["measure_id"])
    op.create_index("ix_measure_member_claim_id", "measure_member", ["claim_id"])
    op.create_index("ux_measure_member", "measure_member", ["measure_id", "claim_id"],
                    unique=True)
    op.create_table(
        "measure_scan",
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("version", sa.String(), nullable=False),
    )
    op.create_table(
        "reference_figure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("measure_id", sa.Integer(), sa.ForeignKey("measure.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("source_title", sa.String(), nullable=False),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("quote", sa.String(), nullable=True),
        sa.Column("captured_on", sa.Date(), nullable=True),
        sa.Column("entered_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reference_figure_measure_id", "reference_figure", ["measure_id"])
    op.create_index("ix_reference_figure_as_of", "reference_figure", ["as_of"])


def downgrade() -> None:
    op.drop_table("reference_figure")
    op.drop_table("measure_scan")
    op.drop_table("measure_member")
    op.drop_table("measure")
