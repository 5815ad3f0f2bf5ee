"""The measures' tables: measures, the claims stating their values, who scanned what, reference figures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Measure(SQLModel, table=True):
    """One thing whose value claims state over time ("share of Ukraine held by Russia")."""

    __tablename__ = "measure"

    id: int | None = Field(default=None, primary_key=True)
    # matching.measures.MeasureKey.text; a measure a person split off has a key of its own
    # ("split:<n>") that matching never produces.
    key: str = Field(unique=True, index=True)
    name: str  # the name matching gave it
    user_name: str | None = None  # the name a person gave it (wins over ``name``)
    unit: str = ""  # "percent", "area", "count", "date", "money:usd"…
    # A measure a person merged into another: its claims go there, now and after re-matching.
    merged_into: int | None = Field(default=None, foreign_key="measure.id", index=True,
                                    ondelete="SET NULL")
    created_at: dt.datetime = Field(default_factory=_utcnow)
    updated_at: dt.datetime = Field(default_factory=_utcnow)


class MeasureMember(SQLModel, table=True):
    """A claim's value of a measure. ``decision`` as for claim groups: "auto" rows are redone by
    matching, "confirmed" (a person put the claim here) and "rejected" (a person took it
    out) are kept over re-matching."""

    __tablename__ = "measure_member"
    __table_args__ = (Index("ux_measure_member", "measure_id", "claim_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    figure: str = ""  # the figure as written
    value: float | None = None  # canonical unit; a date as its ordinal day
    low: float = 0.0
    high: float = 0.0
    period: str | None = None  # ISO date or month the value is as of
    period_stated: bool = False
    decision: str = Field(default="auto")
    decided_by: str | None = None
    decided_at: dt.datetime | None = None


class MeasureScan(SQLModel, table=True):
    """That a claim's measures were worked out, and by which version of the code."""

    __tablename__ = "measure_scan"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    version: str


class ReferenceFigure(SQLModel, table=True):
    """An authoritative value of a measure as of a date, with its source."""

    __tablename__ = "reference_figure"

    id: int | None = Field(default=None, primary_key=True)
    measure_id: int = Field(foreign_key="measure.id", index=True, ondelete="CASCADE")
    value: float | None = None
    low: float
    high: float
    as_of: dt.date = Field(index=True)
    source_title: str
    publisher: str | None = None
    url: str | None = None
    quote: str | None = None
    captured_on: dt.date | None = None
    entered_by: str
    created_at: dt.datetime = Field(default_factory=_utcnow)
