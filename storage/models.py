"""The tables of a Claimdesk database, as SQLModel classes.

The schema itself is owned by the Alembic revisions in ``storage/migrations``; these classes
must describe the same tables (a test compares them), but are never used to create them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, text
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ClaimStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ClaimOrigin(StrEnum):
    EXTRACTED = "extracted"
    MANUAL = "manual"


class MemberDecision(StrEnum):
    """How a claim came to be (or not be) in a group; person decisions survive re-matching."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Rating(StrEnum):
    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    HALF_TRUE = "half_true"
    MISLEADING = "misleading"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"


class VerdictStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"


class Outlet(SQLModel, table=True):
    __tablename__ = "outlet"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    url: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Article(SQLModel, table=True):
    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id", index=True, ondelete="RESTRICT")
    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = Field(default=None, index=True)
    language: str | None = None
    text: str
    # sha256 of the normalised text: the same article is never imported twice.
    content_hash: str = Field(unique=True, index=True)
    source_path: str | None = None
    source_format: str | None = None
    imported_at: dt.datetime = Field(default_factory=utcnow)


class Claim(SQLModel, table=True):
    __tablename__ = "claim"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    sentence: str
    start: int
    end: int
    category: str | None = Field(default=None, index=True)
    # [{text, start, end, value, unit, kind, ...}] as produced by extraction.Figure.to_json_dict
    figures: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    claimant: str | None = None
    score: float = 0.0
    cues: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default=ClaimStatus.PROPOSED, index=True)
    origin: str = Field(default=ClaimOrigin.EXTRACTED)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ClaimGroup(SQLModel, table=True):
    """The same claim as stated across outlets."""

    __tablename__ = "claim_group"

    id: int | None = Field(default=None, primary_key=True)
    canonical_text: str
    category: str | None = Field(default=None, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ClaimGroupMember(SQLModel, table=True):
    """A claim's membership of a group; a rejected row stays so re-matching won't re-add it."""

    __tablename__ = "claim_group_member"
    __table_args__ = (
        Index("ix_member_group_claim", "group_id", "claim_id", unique=True),
        # A claim belongs to at most one group at a time (rejected rows do not count).
        Index(
            "ux_member_active_claim",
            "claim_id",
            unique=True,
            sqlite_where=text("decision != 'rejected'"),
            postgresql_where=text("decision != 'rejected'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="claim_group.id", index=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    score: float | None = None
    decision: str = Field(default=MemberDecision.AUTO)
    explanation: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON(none_as_null=True)))
    decided_by: str | None = None
    decided_at: dt.datetime | None = None


class Verdict(SQLModel, table=True):
    __tablename__ = "verdict"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="claim_group.id", unique=True, index=True, ondelete="CASCADE")
    rating: str | None = None
    summary: str = ""
    rationale: str = ""
    reviewer: str | None = None
    status: str = Field(default=VerdictStatus.DRAFT, index=True)
    # Who last wrote its content (the actor of the last save): approval needs someone else.
    author: str | None = None
    # Optimistic locking: a save names the version it edited.
    version: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Evidence(SQLModel, table=True):
    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    verdict_id: int = Field(foreign_key="verdict.id", index=True, ondelete="CASCADE")
    position: int = 0
    title: str = ""
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    quote: str | None = None
    note: str | None = None


class AuditEntry(SQLModel, table=True):
    """One row per user action: who did what, when, with the values before and after."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str
    action: str = Field(index=True)
    entity: str
    entity_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON(none_as_null=True)))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON(none_as_null=True)))


class ClaimSignature(SQLModel, table=True):
    """What matching needs of a claim, computed once at import: its content words (normalised,
    figures cut out) and named entities, so incremental matching never re-parses stored text."""

    __tablename__ = "claim_signature"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    tokens: str  # space-separated content words
    entities: dict[str, list[str]] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Which normaliser/alias table produced it; a change makes matching recompute. Indexed
    # (revision 0005): matching counts the signed claims on this small index.
    version: str = Field(index=True)


class ClaimMatchKey(SQLModel, table=True):
    """Blocking keys: claims sharing a key are the only ones ever compared."""

    __tablename__ = "claim_match_key"

    key: str = Field(primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
    weight: int = 1


class TokenFrequency(SQLModel, table=True):
    """How many stored claims contain each content word (for rare-word weighting)."""

    __tablename__ = "token_frequency"

    token: str = Field(primary_key=True)
    claims: int = 0


class GroupConflict(SQLModel, table=True):
    """Two claim groups that state the same claim with figures that disagree."""

    __tablename__ = "group_conflict"
    __table_args__ = (Index("ux_group_conflict_pair", "group_a", "group_b", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    group_a: int = Field(foreign_key="claim_group.id", index=True, ondelete="CASCADE")
    group_b: int = Field(foreign_key="claim_group.id", index=True, ondelete="CASCADE")
    explanation: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON(none_as_null=True)))
    detected_at: dt.datetime = Field(default_factory=utcnow)


class VerdictVersion(SQLModel, table=True):
    """One publication of a verdict: what the outputs print, frozen when it was published.

    Number 1 is the first publication, every later one a correction with its reason. Rows are
    never updated or deleted; the group id carries no foreign key so they outlive the group.
    """

    __tablename__ = "verdict_version"
    __table_args__ = (Index("ux_verdict_version_group_number", "group_id", "number", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(index=True)
    number: int
    reason: str | None = None
    published_at: dt.datetime = Field(default_factory=utcnow)
    published_by: str
    # canonical_text, category, appearances, rating, summary, rationale, reviewer, author, evidence
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Setting(SQLModel, table=True):
    """The desk's settings that travel with the database (organisation, corrections contact…)."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str | None = None


# The fact-check library's tables live in their own module; imported here so that every place
# that loads "the tables" (Alembic, the schema check) sees them too.
from storage.factcheck_models import (  # noqa: E402,F401
    ClaimCheckHit,
    FactCheck,
    FactCheckIndex,
    FactCheckLink,
)
from storage.measure_models import (  # noqa: E402,F401  (#19: measures and reference figures)
    Measure,
    MeasureMember,
    MeasureScan,
    ReferenceFigure,
)
