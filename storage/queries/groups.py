"""The claim groups list (keyset pages) and one claim group: appearances, conflicts, verdict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, exists, func, or_, select
from sqlmodel import Session

from storage.models import (
    Article,
    AuditEntry,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    Evidence,
    GroupConflict,
    Outlet,
    Verdict,
)
from storage.queries.claims import PAGE_SIZE, active_member, figures_text


@dataclass(frozen=True)
class GroupRow:
    """One line of the claim groups list."""

    id: int
    canonical_text: str
    category: str | None
    outlets: int  # distinct outlets among its active members
    claims: int
    has_conflict: bool
    rating: str | None
    verdict_status: str | None


@dataclass(frozen=True)
class GroupFilter:
    """Which claim groups a list shows: all, those with a verdict in one status, or those
    another group contradicts."""

    verdict_status: str | None = None
    conflicts_only: bool = False

    def where(self) -> list[Any]:
        conditions: list[Any] = []
        if self.verdict_status is not None:
            # Correlated on the group only: the page query also joins the verdict table.
            conditions.append(
                select(Verdict.id).where(Verdict.group_id == ClaimGroup.id,
                                         Verdict.status == self.verdict_status)
                .correlate(ClaimGroup).exists())
        if self.conflicts_only:
            conditions.append(_has_conflict())
        return conditions


def _has_conflict() -> Any:
    return exists().where(
        or_(GroupConflict.group_a == ClaimGroup.id, GroupConflict.group_b == ClaimGroup.id))


def count_groups(session: Session, flt: GroupFilter = GroupFilter()) -> int:  # noqa: B008
    return session.execute(
        select(func.count()).select_from(ClaimGroup).where(*flt.where())).scalar_one()


def group_page(session: Session, offset: int = 0, limit: int = PAGE_SIZE,
               flt: GroupFilter = GroupFilter(),  # noqa: B008
               after: GroupRow | None = None) -> list[GroupRow]:
    """A page of claim groups, the most widely stated first (then by id): one query.

    Pass ``after`` (the last row already shown) to continue a list: the page starts after its
    outlet count and id as they were loaded, so an edit meanwhile neither skips nor repeats a
    row the way an offset would.
    """
    outlets = func.count(distinct(Article.outlet_id))
    conflict = _has_conflict()
    beyond = [] if after is None else [or_(
        outlets < after.outlets, and_(outlets == after.outlets, ClaimGroup.id > after.id))]
    query = (
        select(ClaimGroup.id, ClaimGroup.canonical_text, ClaimGroup.category, outlets,
               func.count(Claim.id), conflict, Verdict.rating, Verdict.status)
        .outerjoin(ClaimGroupMember,
                   and_(ClaimGroupMember.group_id == ClaimGroup.id, active_member()))
        .outerjoin(Claim, Claim.id == ClaimGroupMember.claim_id)
        .outerjoin(Article, Article.id == Claim.article_id)
        .outerjoin(Verdict, Verdict.group_id == ClaimGroup.id)
        .where(*flt.where())
        # Verdict.id too: at most one verdict per group, and PostgreSQL wants its columns named.
        .group_by(ClaimGroup.id, Verdict.id)
        .having(*beyond)
        .order_by(outlets.desc(), ClaimGroup.id.asc())
        .limit(limit)
        .offset(offset)
    )
    return [
        GroupRow(id=r[0], canonical_text=r[1], category=r[2], outlets=r[3], claims=r[4],
                 has_conflict=bool(r[5]), rating=r[6], verdict_status=r[7])
        for r in session.execute(query)
    ]


@dataclass(frozen=True)
class GroupAppearance:
    """One claim of a group as one outlet stated it, with why matching put it there."""

    claim_id: int
    outlet: str
    published: dt.date | None
    sentence: str
    figures: str
    score: float | None
    decision: str
    similarity: float | None = None
    figures_agree: tuple[tuple[str, str], ...] = ()
    figures_differ: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ConflictSide:
    outlet: str
    figures: str  # the figures of one claim as written, e.g. "18 percent, 2022"


@dataclass(frozen=True)
class GroupConflictInfo:
    """Another group that states the same claim with figures that disagree."""

    other_id: int
    other_text: str
    ours: tuple[ConflictSide, ...]
    theirs: tuple[ConflictSide, ...]
    differ: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class VerdictEvidence:
    title: str
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    quote: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class VerdictState:
    id: int
    rating: str | None
    summary: str
    rationale: str
    reviewer: str | None
    status: str
    version: int
    updated_at: dt.datetime
    evidence: tuple[VerdictEvidence, ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    action: str
    actor: str
    at: dt.datetime


@dataclass(frozen=True)
class GroupDetail:
    """Everything the group pane and the verdict editor show for one claim group."""

    id: int
    canonical_text: str
    category: str | None
    appearances: tuple[GroupAppearance, ...]
    conflicts: tuple[GroupConflictInfo, ...]
    verdict: VerdictState | None
    history: tuple[HistoryEntry, ...]

    @property
    def outlets(self) -> int:
        return len({a.outlet for a in self.appearances})


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return ()
    return tuple((str(p[0]), str(p[1])) for p in value if isinstance(p, list | tuple) and len(p) == 2)


def _sides(session: Session, group_id: int) -> tuple[ConflictSide, ...]:
    rows = session.execute(
        select(Outlet.name, Claim.figures)
        .join(Article, Article.outlet_id == Outlet.id)
        .join(Claim, Claim.article_id == Article.id)
        .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
        .where(ClaimGroupMember.group_id == group_id, active_member())
        .order_by(Outlet.name, Claim.id)
    )
    return tuple(ConflictSide(outlet, figures_text(figures) or "—") for outlet, figures in rows)


def verdict_state(session: Session, group_id: int) -> VerdictState | None:
    verdict = session.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one_or_none()
    if verdict is None or verdict.id is None:
        return None
    evidence = tuple(
        VerdictEvidence(e.title, e.publisher, e.url, e.published, e.quote, e.note)
        for e in session.execute(
            select(Evidence).where(Evidence.verdict_id == verdict.id).order_by(Evidence.position)
        ).scalars()
    )
    return VerdictState(
        id=verdict.id, rating=verdict.rating, summary=verdict.summary or "",
        rationale=verdict.rationale or "", reviewer=verdict.reviewer, status=verdict.status,
        version=verdict.version, updated_at=verdict.updated_at, evidence=evidence,
    )


def verdict_history(session: Session, verdict_id: int) -> list[HistoryEntry]:
    """The audit entries of one verdict, newest first."""
    return [
        HistoryEntry(action, actor, at)
        for action, actor, at in session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.at)
            .where(AuditEntry.entity == "verdict", AuditEntry.entity_id == verdict_id)
            .order_by(AuditEntry.id.desc())
        )
    ]


def group_detail(session: Session, group_id: int) -> GroupDetail | None:
    """The group with its appearances, conflicts, verdict and verdict history (None if gone)."""
    group = session.get(ClaimGroup, group_id)
    if group is None:
        return None
    appearances = []
    for member, sentence, figures, outlet, published in session.execute(
        select(ClaimGroupMember, Claim.sentence, Claim.figures, Outlet.name, Article.published)
        .join(Claim, Claim.id == ClaimGroupMember.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(ClaimGroupMember.group_id == group_id, active_member())
        .order_by(Article.published.is_(None), Article.published, Outlet.name, Claim.id)
    ):
        why = member.explanation if isinstance(member.explanation, dict) else {}
        similarity = why.get("similarity")
        appearances.append(GroupAppearance(
            claim_id=member.claim_id, outlet=outlet, published=published, sentence=sentence,
            figures=figures_text(figures), score=member.score, decision=member.decision,
            similarity=float(similarity) if isinstance(similarity, int | float) else None,
            figures_agree=_pairs(why.get("figures_agree")),
            figures_differ=_pairs(why.get("figures_differ")),
        ))
    conflicts = []
    ours = _sides(session, group_id) if group_id else ()
    for link in session.execute(
        select(GroupConflict).where(
            or_(GroupConflict.group_a == group_id, GroupConflict.group_b == group_id))
        .order_by(GroupConflict.id)
    ).scalars():
        other_id = link.group_b if link.group_a == group_id else link.group_a
        other = session.get(ClaimGroup, other_id)
        if other is None:
            continue
        why = link.explanation if isinstance(link.explanation, dict) else {}
        conflicts.append(GroupConflictInfo(
            other_id=other_id, other_text=other.canonical_text, ours=ours,
            theirs=_sides(session, other_id), differ=_pairs(why.get("figures_differ"))))
    verdict = verdict_state(session, group_id)
    history = tuple(verdict_history(session, verdict.id)) if verdict else ()
    return GroupDetail(
        id=group_id, canonical_text=group.canonical_text, category=group.category,
        appearances=tuple(appearances), conflicts=tuple(conflicts), verdict=verdict,
        history=history,
    )
