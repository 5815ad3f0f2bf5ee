"""One claim as the detail pane shows it: its figures, cues, source and the article's other claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from storage.models import Article, Claim, ClaimGroup, ClaimGroupMember, ClaimStatus, Outlet
from storage.queries.claims import GroupFacts, active_member, group_facts


@dataclass(frozen=True)
class FigureInfo:
    text: str
    value: Any = None
    unit: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class ClaimSpan:
    """Where one of an article's claims stands in its text, for highlighting by category."""

    id: int
    start: int
    end: int
    category: str | None
    status: str


@dataclass(frozen=True)
class ClaimDetail:
    """Everything the detail pane shows for one claim."""

    id: int
    sentence: str
    start: int
    end: int
    category: str | None
    score: float
    cues: tuple[str, ...]
    figures: tuple[FigureInfo, ...]
    claimant: str | None
    status: str
    origin: str
    article_id: int
    article_title: str | None
    article_text: str
    author: str | None
    url: str | None
    published: dt.date | None
    outlet: str
    group_id: int | None
    group_text: str | None
    group_size: int
    # Every claim of the article that was not rejected, in reading order (this one too).
    article_claims: tuple[ClaimSpan, ...] = ()


def claim_detail(session: Session, claim_id: int) -> ClaimDetail | None:
    """The claim with its article, outlet and group, or None if it was deleted meanwhile."""
    row = session.execute(
        select(Claim, Article, Outlet.name)
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Claim.id == claim_id)
    ).first()
    if row is None:
        return None
    claim, article, outlet = row
    group = session.execute(
        select(ClaimGroup.id, ClaimGroup.canonical_text)
        .join(ClaimGroupMember, ClaimGroupMember.group_id == ClaimGroup.id)
        .where(ClaimGroupMember.claim_id == claim_id, active_member())
    ).first()
    figures = tuple(
        FigureInfo(
            text=str(f.get("text", "")),
            value=f.get("value"),
            unit=f.get("unit"),
            kind=f.get("kind"),
        )
        for f in claim.figures or ()
    )
    return ClaimDetail(
        id=claim.id,
        sentence=claim.sentence,
        start=claim.start,
        end=claim.end,
        category=claim.category,
        score=claim.score,
        cues=tuple(str(c) for c in claim.cues or ()),
        figures=figures,
        claimant=claim.claimant,
        status=claim.status,
        origin=claim.origin,
        article_id=article.id,
        article_title=article.title,
        article_text=article.text,
        author=article.author,
        url=article.url,
        published=article.published,
        outlet=outlet,
        group_id=group.id if group else None,
        group_text=group.canonical_text if group else None,
        group_size=group_facts(session, [claim_id]).get(claim_id, GroupFacts()).size,
        article_claims=tuple(
            ClaimSpan(*r) for r in session.execute(
                select(Claim.id, Claim.start, Claim.end, Claim.category, Claim.status)
                .where(Claim.article_id == article.id, Claim.status != ClaimStatus.REJECTED)
                .order_by(Claim.start, Claim.id))),
    )
