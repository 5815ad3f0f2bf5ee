"""What the window needs to show claim frames (plain values): a claim's sentence and figures,
its membership's stored explanation, and the claims on both sides of its group's conflicts.
One read transaction each; the frames themselves are worked out in matching.frame_text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlmodel import Session

from storage.database import Database
from storage.models import Article, Claim, ClaimGroupMember, GroupConflict, MemberDecision

# Claims per side of a conflict whose frames are compared (the banner needs one pair).
SIDE_LIMIT = 12


@dataclass(frozen=True)
class FrameSource:
    """One stored claim as frames are computed from it."""

    claim_id: int
    sentence: str
    figures: Sequence[dict[str, Any]]
    start: int = 0
    published: str | None = None


@dataclass(frozen=True)
class MemberFacts:
    source: FrameSource
    decision: str
    explanation: dict[str, Any] | None


@dataclass(frozen=True)
class ConflictFacts:
    other_id: int
    theirs: tuple[FrameSource, ...]
    explanation: dict[str, Any] | None


@dataclass(frozen=True)
class GroupFrameFacts:
    """A group's members (with why they are there) and its conflicts' other sides."""

    group_id: int
    members: tuple[MemberFacts, ...]
    conflicts: tuple[ConflictFacts, ...]

    @property
    def ours(self) -> tuple[FrameSource, ...]:
        return tuple(m.source for m in self.members[:SIDE_LIMIT])


def _sources(session: Session, where: Any, limit: int | None = None
             ) -> list[tuple[FrameSource, str, dict[str, Any] | None]]:
    query = (
        select(Claim.id, Claim.sentence, Claim.figures, Claim.start, Article.published,
               ClaimGroupMember.decision, ClaimGroupMember.explanation)
        .join(Article, Article.id == Claim.article_id)
        .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
        .where(where, ClaimGroupMember.decision != MemberDecision.REJECTED)
        .order_by(Claim.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [(FrameSource(cid, sentence, figures or [], start or 0,
                         published.isoformat() if published else None),
             decision, explanation if isinstance(explanation, dict) else None)
            for cid, sentence, figures, start, published, decision, explanation
            in session.execute(query)]


def group_frame_facts(session: Session, group_id: int) -> GroupFrameFacts:
    members = tuple(MemberFacts(s, d, e) for s, d, e
                    in _sources(session, ClaimGroupMember.group_id == group_id))
    conflicts = []
    for link in session.execute(
        select(GroupConflict).where(
            or_(GroupConflict.group_a == group_id, GroupConflict.group_b == group_id))
        .order_by(GroupConflict.id)
    ).scalars():
        other = link.group_b if link.group_a == group_id else link.group_a
        theirs = tuple(s for s, _d, _e in _sources(
            session, ClaimGroupMember.group_id == other, SIDE_LIMIT))
        conflicts.append(ConflictFacts(other, theirs, link.explanation
                                       if isinstance(link.explanation, dict) else None))
    return GroupFrameFacts(group_id, members, tuple(conflicts))


def claim_source(session: Session, claim_id: int) -> FrameSource | None:
    row = session.execute(
        select(Claim.id, Claim.sentence, Claim.figures, Claim.start, Article.published)
        .join(Article, Article.id == Claim.article_id).where(Claim.id == claim_id)).first()
    if row is None:
        return None
    cid, sentence, figures, start, published = row
    return FrameSource(cid, sentence, figures or [], start or 0,
                       published.isoformat() if published else None)


def _group_of(session: Session, claim_id: int) -> int | None:
    return session.execute(
        select(ClaimGroupMember.group_id).where(
            ClaimGroupMember.claim_id == claim_id,
            ClaimGroupMember.decision != MemberDecision.REJECTED)).scalar_one_or_none()


def read_group_frame_facts(db: Database, group_id: int) -> GroupFrameFacts:
    with db.read() as session:
        return group_frame_facts(session, group_id)


def read_claim_frame_facts(db: Database, claim_id: int
                           ) -> tuple[FrameSource | None, GroupFrameFacts | None]:
    """The claim, and its group's facts when it has a group."""
    with db.read() as session:
        source = claim_source(session, claim_id)
        group = _group_of(session, claim_id) if source is not None else None
        return source, group_frame_facts(session, group) if group is not None else None
