"""The fact-check library's tables: published fact-checks from anywhere, and "same claim" links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class FactCheck(SQLModel, table=True):
    """One published fact-check (a ClaimReview), imported from a file."""

    __tablename__ = "fact_check"

    id: int | None = Field(default=None, primary_key=True)
    claim: str  # the claim reviewed, as the publisher wrote it
    title: str | None = None  # the review's headline
    claimant: str | None = None
    rating_text: str | None = None  # the rating as published ("Pants on Fire", "Faux")
    rating: str | None = None  # our scale (storage.models.Rating) where the text maps onto it
    publisher: str | None = None
    url: str | None = None  # http(s) only; anything else is dropped on import
    review_date: dt.date | None = None
    language: str | None = None
    source_file: str | None = None
    source_format: str = "claimreview"
    imported_at: dt.datetime = Field(default_factory=_utcnow)
    # The same review is never stored twice: sha256 of its URL, or of claim + publisher.
    content_key: str = Field(unique=True, index=True)


class FactCheckLink(SQLModel, table=True):
    """A person's "same claim": this published fact-check reviews the claim of this group."""

    __tablename__ = "fact_check_link"
    __table_args__ = (Index("ux_fact_check_link", "group_id", "fact_check_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="claim_group.id", index=True, ondelete="CASCADE")
    fact_check_id: int = Field(foreign_key="fact_check.id", index=True, ondelete="CASCADE")
    linked_by: str | None = None
    linked_at: dt.datetime = Field(default_factory=_utcnow)


class FactCheckIndex(SQLModel, table=True):
    """The look-up index over the library, saved after each import (matching/checked.py), so
    opening the library never re-analyses 100,000 texts. One row; ``covers`` is the highest
    fact-check id it holds (later rows are added on load)."""

    __tablename__ = "fact_check_index"

    id: int | None = Field(default=None, primary_key=True)
    covers: int = 0
    version: str
    state: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    saved_at: dt.datetime = Field(default_factory=_utcnow)


class ClaimCheckHit(SQLModel, table=True):
    """The closest library entry found for a claim when it was looked up (after its import,
    or after fact-checks were imported): what the Inbox's "already checked" marker shows."""

    __tablename__ = "claim_check_hit"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    entry_key: str  # "c<fact-check id>" or "v<group id>" (storage.factchecks.LibraryEntry.key)
    closeness: float = Field(index=True)  # words shared, 0..1 (ClaimIndex.closeness)
    checked_at: dt.datetime = Field(default_factory=_utcnow)
