"""Published versions of verdicts: the snapshot taken at publication, corrections, the history.

What a published output prints comes from here, never from the live group: a later import that
joins an appearance, a merge or an edit does not change what was published. A change to a
published verdict is a correction, a new version with its reason; no version is ever deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlmodel import Session

from storage import audit
from storage.database import session_in_chunk
from storage.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    Evidence,
    MemberDecision,
    Outlet,
    Verdict,
    VerdictVersion,
    utcnow,
)

_EVIDENCE = ("title", "publisher", "url", "published", "quote", "note")


@dataclass(frozen=True)
class PublishedVersion:
    group_id: int
    number: int
    reason: str | None
    published_at: dt.datetime
    published_by: str
    snapshot: dict[str, Any]

    @property
    def is_correction(self) -> bool:
        return self.number > 1


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def group_appearances(session: Session, group_id: int) -> list[dict[str, Any]]:
    """The group's appearances as they stand, as plain JSON values (oldest first)."""
    rows = session.execute(
        select(Claim.id, Claim.sentence, Claim.figures, Claim.claimant, Article.title, Article.url,
               Article.published, Outlet.name)
        .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(ClaimGroupMember.group_id == group_id,
               ClaimGroupMember.decision != MemberDecision.REJECTED)
        .order_by(Article.published.is_(None), Article.published, Outlet.name, Claim.id))
    return [{"claim_id": cid, "outlet": outlet, "published": _iso(published), "sentence": sentence,
             "url": url, "article_title": title, "claimant": claimant,
             "figures": [f for f in (figures or []) if isinstance(f, dict)]}
            for cid, sentence, figures, claimant, title, url, published, outlet in rows]


def take_snapshot(session: Session, verdict: Verdict) -> dict[str, Any]:
    """Everything a published output prints about the verdict's group, as it is now."""
    group = session.get(ClaimGroup, verdict.group_id)
    assert group is not None
    evidence = session.execute(
        select(Evidence).where(Evidence.verdict_id == verdict.id)
        .order_by(Evidence.position, Evidence.id)).scalars()
    return {
        "canonical_text": group.canonical_text,
        "category": group.category,
        "appearances": group_appearances(session, verdict.group_id),
        "rating": verdict.rating,
        "summary": verdict.summary or "",
        "rationale": verdict.rationale or "",
        "reviewer": verdict.reviewer,
        "author": verdict.author,
        "evidence": [{k: _iso(getattr(e, k)) for k in _EVIDENCE} for e in evidence],
    }


def latest_number(session: Session, group_id: int) -> int:
    return session.execute(select(func.coalesce(func.max(VerdictVersion.number), 0))
                           .where(VerdictVersion.group_id == group_id)).scalar_one()


def record_publication(session: Session, verdict: Verdict, *, actor: str,
                       reason: str | None) -> int:
    """Store the verdict's snapshot as its next published version; returns the version number.
    The caller has checked the rules (a correction carries a reason)."""
    number = latest_number(session, verdict.group_id) + 1
    snapshot = take_snapshot(session, verdict)
    session.execute(insert(VerdictVersion).values(
        group_id=verdict.group_id, number=number, reason=reason, published_at=utcnow(),
        published_by=actor, snapshot=snapshot))
    audit.record(session, actor=actor,
                 action="verdict_corrected" if number > 1 else "verdict_version_published",
                 entity="verdict", entity_id=verdict.id,
                 after={"group_id": verdict.group_id, "number": number, "reason": reason,
                        "rating": snapshot["rating"]})
    return number


def _version(row: VerdictVersion) -> PublishedVersion:
    return PublishedVersion(group_id=row.group_id, number=row.number, reason=row.reason,
                            published_at=row.published_at, published_by=row.published_by,
                            snapshot=dict(row.snapshot or {}))


def history(session: Session, group_id: int) -> list[PublishedVersion]:
    """Every published version of the group's verdict, first publication first."""
    return [_version(r) for r in session.execute(
        select(VerdictVersion).where(VerdictVersion.group_id == group_id)
        .order_by(VerdictVersion.number)).scalars()]


def histories(session: Session, group_ids: list[int]) -> dict[int, list[PublishedVersion]]:
    """:func:`history` for many groups in one select."""
    out: dict[int, list[PublishedVersion]] = {}
    ids = sorted(set(group_ids))
    size = session_in_chunk(session)  # IN lists under the engine's variable limit
    for start in range(0, len(ids), size):
        for row in session.execute(
                select(VerdictVersion).where(VerdictVersion.group_id.in_(ids[start:start + size]))
                .order_by(VerdictVersion.group_id, VerdictVersion.number)).scalars():
            out.setdefault(row.group_id, []).append(_version(row))
    return out


def published_group_ids(session: Session) -> set[int]:
    return set(session.execute(select(VerdictVersion.group_id).distinct()).scalars())
