"""What an import reads of the claim groups its claims may join (matching.incremental_joins):
their first members and their newest members' figures, for all the groups it meets in one
query per 500 groups, each from the memberships (an index on the group)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, true
from sqlmodel import Session

from storage.database import session_in_chunk
from storage.match_store import ClaimForMatching, chunks, claim_rows
from storage.models import (
    Article,
    Claim,
    ClaimGroupMember,
    ClaimSignature,
    MemberDecision,
    Outlet,
)


def group_members_many(
    session: Session, group_ids: Iterable[int], *, limit: int, one_per_sentence: bool = False,
) -> dict[int, list[ClaimForMatching]]:
    """The oldest ``limit`` active members of each group (every group asked for is a key):
    the claims a new member is compared with before it joins (matching.incremental's
    average-link guard), for all the groups an import meets in one query per 500 groups.
    ``one_per_sentence``: only the oldest member stating each sentence on each publication
    date counts (wire copies of one sentence are one claim to the guard: a group of 10,000
    copies is one row)."""
    out: dict[int, list[ClaimForMatching]] = {}
    member = ClaimGroupMember
    for chunk in chunks(sorted(set(group_ids)), session_in_chunk(session)):
        out.update((g, []) for g in chunk)
        # From the memberships (an index on the group), not _claim_query's scan of the claims.
        members = (
            select(Claim.id, Claim.sentence, Claim.start, Claim.category, Claim.figures,
                   Outlet.name, Article.published, ClaimSignature.tokens,
                   ClaimSignature.entities, member.group_id,
                   *([func.row_number().over(
                       partition_by=(member.group_id, Claim.sentence, Article.published),
                       order_by=Claim.id).label("copy")] if one_per_sentence else []))
            .select_from(member)
            .join(Claim, Claim.id == member.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .outerjoin(ClaimSignature, ClaimSignature.claim_id == Claim.id)
            .where(member.group_id.in_(chunk), member.decision != MemberDecision.REJECTED)
            .subquery()
        )
        columns = list(members.c)[:-1] if one_per_sentence else list(members.c)
        ranked = (
            select(*columns, func.row_number().over(partition_by=members.c.group_id,
                                                    order_by=members.c.id).label("rank"))
            .where(members.c.copy == 1 if one_per_sentence else true())
            .subquery()
        )
        columns = list(ranked.c)[:-1]
        for row in claim_rows(session, select(*columns).where(ranked.c.rank <= limit)
                         .order_by(ranked.c.group_id, ranked.c.id)):
            out[row.group_id].append(row)
    return out


@dataclass(frozen=True)
class MemberFigures:
    claim_id: int
    sentence: str
    figures: list[dict[str, Any]]
    published: str | None


def member_figures_many(
    session: Session, group_ids: Iterable[int], *, limit: int
) -> dict[int, list[MemberFigures]]:
    """The sentence, figures and publication date of the newest ``limit`` active members of
    each group (every group asked for is a key; members without figures included, newest
    first): what checking a new member's figures against a group reads, a bounded read
    however large the group, for all the groups an import meets in one query per 500."""
    out: dict[int, list[MemberFigures]] = {}
    for chunk in chunks(sorted(set(group_ids)), session_in_chunk(session)):
        out.update((g, []) for g in chunk)
        rank = func.row_number().over(partition_by=ClaimGroupMember.group_id,
                                      order_by=Claim.id.desc())
        ranked = (
            select(ClaimGroupMember.group_id, Claim.id, Claim.sentence, Claim.figures,
                   Article.published, rank.label("rank"))
            .join(ClaimGroupMember, ClaimGroupMember.claim_id == Claim.id)
            .join(Article, Article.id == Claim.article_id)
            .where(ClaimGroupMember.group_id.in_(chunk),
                   ClaimGroupMember.decision != MemberDecision.REJECTED)
            .subquery()
        )
        rows = session.execute(
            select(ranked.c.group_id, ranked.c.id, ranked.c.sentence, ranked.c.figures,
                   ranked.c.published)
            .where(ranked.c.rank <= limit).order_by(ranked.c.group_id, ranked.c.id.desc()))
        for group_id, claim_id, sentence, figures, published in rows:
            out[group_id].append(MemberFigures(claim_id, sentence, figures or [],
                                               published.isoformat() if published else None))
    return out
