"""The claims table: filtered, sorted pages of claims and the group facts each row shows.

Filtering and sorting happen in SQL, one statement per page (plus one for the group facts of
that page), never one per row, so a table over 100,000 claims only ever asks for what it shows.
Pages are fetched with a keyset cursor (the last row's sort value and id) rather than only an
offset: when a reviewer accepts claims in the Inbox they leave the filter, and an offset
would then silently skip as many unseen claims on the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    distinct,
    exists,
    false,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased
from sqlmodel import Session

from storage.factcheck_models import ClaimCheckHit
from storage.factchecks import CLOSE_ENOUGH, already_checked_ids
from storage.models import (
    Article,
    Claim,
    ClaimGroupMember,
    ClaimStatus,
    GroupConflict,
    MemberDecision,
    Outlet,
    Rating,
    Verdict,
)
from storage.search import matching_claim_ids
from storage.sqlcompat import first_figure_text, nocase

PAGE_SIZE = 500
FIGURES_SHOWN = 3


@dataclass(frozen=True)
class ClaimFilter:
    """What the claims table shows; ``None``/empty means "any"."""

    text: str = ""  # words, each matched as a prefix by FTS5 (sentence and claimant)
    category: str | None = None
    outlet_id: int | None = None
    status: str | None = None
    date_from: dt.date | None = None  # the article's publication date, inclusive
    date_to: dt.date | None = None
    article_id: int | None = None
    # A Rating value, or NOT_RATED for claims whose group has no rated verdict (or no group).
    rating: str | None = None
    conflicts_only: bool = False  # only claims whose group another group contradicts
    checked_only: bool = False  # only claims close to a published fact-check (the library)


NOT_RATED = "not_rated"


class SortKey:
    """The columns a claim list can be sorted by (the table's columns, in order)."""

    SENTENCE = "sentence"
    CATEGORY = "category"
    FIGURES = "figures"
    OUTLET = "outlet"
    PUBLISHED = "published"
    STATUS = "status"
    SCORE = "score"
    GROUP_SIZE = "group_size"
    CONFLICT = "conflict"
    VERDICT = "verdict"
    CHECKED = "checked"  # close to a published fact-check of the library

    ALL = (SENTENCE, CATEGORY, FIGURES, OUTLET, PUBLISHED, STATUS, SCORE, GROUP_SIZE, CONFLICT,
           VERDICT, CHECKED)


@dataclass(frozen=True)
class ClaimRow:
    """One line of the claims table."""

    id: int
    sentence: str
    category: str | None
    figures: str  # the first figures as written, e.g. "20%, 2014"
    outlet: str
    published: dt.date | None
    status: str
    score: float
    claimant: str | None
    article_id: int
    group_size: int = 1  # distinct outlets in this claim's group; 1 when it has no group
    has_conflict: bool = False  # matching found a group stating it with other figures
    rating: str | None = None  # the group's verdict rating, once there is one
    already_checked: bool = False  # close to a published fact-check in the library
    # The value this row was sorted by in the query that produced it: the cursor of the next
    # page. It stays as loaded when the row is edited locally, which keeps paging consistent.
    sort_value: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: after the row with this sort value and id."""

    sort_value: Any
    claim_id: int

    @classmethod
    def after(cls, row: ClaimRow) -> PageCursor:
        return cls(row.sort_value, row.id)


def figures_text(figures: Sequence[dict[str, Any]] | None) -> str:
    texts = [str(f.get("text", "")).strip() for f in figures or () if f.get("text")]
    shown = ", ".join(texts[:FIGURES_SHOWN])
    return shown + ", …" if len(texts) > FIGURES_SHOWN else shown


def active_member() -> Any:
    return ClaimGroupMember.decision != MemberDecision.REJECTED


def _group_outlets_subquery() -> Any:
    """Distinct outlets per claim group (active members only), for sorting by group size."""
    return (
        select(
            ClaimGroupMember.group_id.label("group_id"),
            func.count(distinct(Article.outlet_id)).label("n"),
        )
        .join(Claim, Claim.id == ClaimGroupMember.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .where(active_member())
        .group_by(ClaimGroupMember.group_id)
        .subquery("group_outlets")
    )


def _apply_filter(query: Select, flt: ClaimFilter, dialect: str) -> Select:
    """Add the WHERE clauses of ``flt``; the query must already join Article."""
    if flt.text.strip():
        matching = matching_claim_ids(dialect, flt.text)
        if matching is None:
            # Only punctuation typed: nothing can match a word search.
            return query.where(false())
        query = query.where(Claim.id.in_(matching))
    if flt.category is not None:
        query = query.where(Claim.category == flt.category)
    if flt.status is not None:
        query = query.where(Claim.status == ClaimStatus(flt.status))
    if flt.article_id is not None:
        query = query.where(Claim.article_id == flt.article_id)
    if flt.outlet_id is not None:
        query = query.where(Article.outlet_id == flt.outlet_id)
    if flt.date_from is not None:
        query = query.where(Article.published >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(Article.published <= flt.date_to)
    if flt.rating == NOT_RATED:
        query = query.where(Claim.id.not_in(_claims_rated()))
    elif flt.rating is not None:
        query = query.where(Claim.id.in_(_claims_rated(flt.rating)))
    if flt.conflicts_only:
        query = query.where(Claim.id.in_(_claims_in_conflict()))
    if flt.checked_only:
        query = query.where(Claim.id.in_(already_checked_ids()))
    return query


def _claims_rated(rating: str | None = None) -> Select:
    """Ids of the claims whose group has a verdict rated ``rating`` (any rating if None)."""
    rated = Verdict.rating.is_not(None) if rating is None else Verdict.rating == rating
    return (
        select(ClaimGroupMember.claim_id)
        .join(Verdict, Verdict.group_id == ClaimGroupMember.group_id)
        .where(active_member(), rated)
    )


def _claims_in_conflict() -> Select:
    """Ids of the claims whose group another group states with other figures."""
    return (
        select(ClaimGroupMember.claim_id)
        .join(GroupConflict, or_(GroupConflict.group_a == ClaimGroupMember.group_id,
                                 GroupConflict.group_b == ClaimGroupMember.group_id))
        .where(active_member())
    )


# Verdict column order: the rating scale from true to false, unrated claims last.
_RATING_RANK = {rating.value: n for n, rating in enumerate(Rating)}


def _sort_expression(sort_key: str, group_n: Any) -> ColumnElement[Any]:
    """A never-NULL expression per sort key (NULLs would break the keyset comparison)."""
    if sort_key == SortKey.SENTENCE:
        return nocase(Claim.sentence)
    if sort_key == SortKey.CATEGORY:
        return nocase(func.coalesce(Claim.category, ""))
    if sort_key == SortKey.FIGURES:
        # Sort by what the column shows first: the first figure as written.
        return type_coerce(func.coalesce(first_figure_text(Claim.figures), ""), String)
    if sort_key == SortKey.OUTLET:
        return nocase(Outlet.name)
    if sort_key == SortKey.PUBLISHED:
        # Dates as ISO text (what SQLite stores; PostgreSQL casts), so '' sorts before every date.
        return func.coalesce(cast(Article.published, String), "")
    if sort_key == SortKey.STATUS:
        return Claim.status
    if sort_key == SortKey.SCORE:
        return Claim.score
    if sort_key == SortKey.GROUP_SIZE:
        return func.coalesce(group_n, 1)
    if sort_key == SortKey.CHECKED:
        return case((Claim.id.in_(already_checked_ids()), 1), else_=0)
    if sort_key == SortKey.CONFLICT:
        # Correlated per row: only the rows of one page (plus the sort) pay for it.
        return case((Claim.id.in_(_claims_in_conflict()), 1), else_=0)
    if sort_key == SortKey.VERDICT:
        rank = (
            select(case(_RATING_RANK, value=Verdict.rating, else_=len(_RATING_RANK)))
            .join(ClaimGroupMember, ClaimGroupMember.group_id == Verdict.group_id)
            .where(ClaimGroupMember.claim_id == Claim.id, active_member())
            .correlate(Claim)
            .limit(1)
            .scalar_subquery()
        )
        return func.coalesce(rank, len(_RATING_RANK))
    raise ValueError(f"unknown sort key: {sort_key!r}")


def count_claims(session: Session, flt: ClaimFilter) -> int:
    query = select(func.count(Claim.id)).join(Article, Article.id == Claim.article_id)
    return session.execute(_apply_filter(query, flt, session.get_bind().dialect.name)).scalar_one()


def claim_page(
    session: Session,
    flt: ClaimFilter,
    sort_key: str = SortKey.PUBLISHED,
    descending: bool = True,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    after: PageCursor | None = None,
) -> list[ClaimRow]:
    """One page of claims matching ``flt``, ordered by ``sort_key`` then by claim id.

    Pass ``after`` (the cursor of the last row already shown) to continue a list; ``offset``
    is for jumping to a position in a list nobody has edited.
    """
    group_n = None
    if sort_key == SortKey.GROUP_SIZE:
        # Only this sort needs every claim's group size; other sorts ask for the page's only.
        groups = _group_outlets_subquery()
        membership = aliased(ClaimGroupMember)
        group_n = groups.c.n
    order = _sort_expression(sort_key, group_n)
    query = (
        select(
            Claim.id,
            Claim.sentence,
            Claim.category,
            Claim.figures,
            Outlet.name,
            Article.published,
            Claim.status,
            Claim.score,
            Claim.claimant,
            Claim.article_id,
            # Per row of the page only: a primary-key probe of claim_check_hit.
            exists().where(ClaimCheckHit.claim_id == Claim.id,
                           ClaimCheckHit.closeness >= CLOSE_ENOUGH).label("checked"),
            order.label("sort_value"),
        )
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
    )
    if group_n is not None:
        query = query.outerjoin(
            membership,
            and_(membership.claim_id == Claim.id, membership.decision != MemberDecision.REJECTED),
        ).outerjoin(groups, groups.c.group_id == membership.group_id)
    query = _apply_filter(query, flt, session.get_bind().dialect.name)
    # Ties are broken by id ascending in both directions, so one article's claims keep
    # their reading order.
    if after is not None:
        beyond = order < after.sort_value if descending else order > after.sort_value
        query = query.where(or_(beyond, and_(order == after.sort_value, Claim.id > after.claim_id)))
    query = query.order_by(order.desc() if descending else order.asc(), Claim.id.asc())
    query = query.limit(limit).offset(offset)

    rows = session.execute(query).all()
    facts = group_facts(session, [r.id for r in rows])
    alone = GroupFacts()
    return [
        ClaimRow(
            id=r.id,
            sentence=r.sentence,
            category=r.category,
            figures=figures_text(r.figures),
            outlet=r.name,
            published=r.published,
            status=r.status,
            score=r.score,
            claimant=r.claimant,
            article_id=r.article_id,
            group_size=facts.get(r.id, alone).size,
            has_conflict=facts.get(r.id, alone).has_conflict,
            rating=facts.get(r.id, alone).rating,
            already_checked=bool(r.checked),
            sort_value=r.sort_value,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class GroupFacts:
    """What the claims table shows about a claim's group."""

    size: int = 1
    has_conflict: bool = False
    rating: str | None = None


def group_facts(session: Session, claim_ids: Iterable[int]) -> dict[int, GroupFacts]:
    """Group size (distinct outlets), conflict and verdict rating of each claim in a group.

    One query for all the ids (a page), never one per claim; claims in no group are absent.
    """
    ids = list(claim_ids)
    if not ids:
        return {}
    mine = aliased(ClaimGroupMember)
    other = aliased(ClaimGroupMember)
    other_claim = aliased(Claim)
    other_article = aliased(Article)
    rating = (
        select(Verdict.rating).where(Verdict.group_id == mine.group_id).scalar_subquery()
    )
    conflict = exists().where(
        or_(GroupConflict.group_a == mine.group_id, GroupConflict.group_b == mine.group_id)
    )
    query = (
        select(
            mine.claim_id,
            func.count(distinct(other_article.outlet_id)),
            conflict,
            rating,
        )
        .join(other, other.group_id == mine.group_id)
        .join(other_claim, other_claim.id == other.claim_id)
        .join(other_article, other_article.id == other_claim.article_id)
        .where(
            mine.claim_id.in_(ids),
            mine.decision != MemberDecision.REJECTED,
            other.decision != MemberDecision.REJECTED,
        )
        # (group_id follows from claim_id here: one active group per claim; PostgreSQL wants it
        # named because the conflict and rating subqueries use it.)
        .group_by(mine.claim_id, mine.group_id)
    )
    return {
        claim_id: GroupFacts(size=n, has_conflict=bool(has_conflict), rating=rated)
        for claim_id, n, has_conflict, rated in session.execute(query)
    }
