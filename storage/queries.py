"""Read-only queries behind the review screens: filtered, sorted pages of claims, and lists.

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
    AuditEntry,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    ClaimStatus,
    Evidence,
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


@dataclass(frozen=True)
class OutletRow:
    id: int
    name: str
    articles: int
    claims: int


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str | None
    outlet_id: int
    outlet: str
    published: dt.date | None
    claims: int
    proposed: int


@dataclass(frozen=True)
class ReviewCounts:
    """The numbers in the status bar and the sidebar."""

    outlets: int = 0
    articles: int = 0
    claims: int = 0
    proposed: int = 0
    accepted: int = 0
    rejected: int = 0
    groups: int = 0
    conflicted_groups: int = 0  # claim groups another group contradicts
    verdicts: tuple[tuple[str, int], ...] = ()  # (verdict status, claim groups) pairs

    def verdicts_with(self, status: str) -> int:
        return dict(self.verdicts).get(status, 0)


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


def _figures_text(figures: Sequence[dict[str, Any]] | None) -> str:
    texts = [str(f.get("text", "")).strip() for f in figures or () if f.get("text")]
    shown = ", ".join(texts[:FIGURES_SHOWN])
    return shown + ", …" if len(texts) > FIGURES_SHOWN else shown


def _active_member() -> Any:
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
        .where(_active_member())
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
        .where(_active_member(), rated)
    )


def _claims_in_conflict() -> Select:
    """Ids of the claims whose group another group states with other figures."""
    return (
        select(ClaimGroupMember.claim_id)
        .join(GroupConflict, or_(GroupConflict.group_a == ClaimGroupMember.group_id,
                                 GroupConflict.group_b == ClaimGroupMember.group_id))
        .where(_active_member())
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
            .where(ClaimGroupMember.claim_id == Claim.id, _active_member())
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
            figures=_figures_text(r.figures),
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
        .where(ClaimGroupMember.claim_id == claim_id, _active_member())
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


def list_outlets(session: Session) -> list[OutletRow]:
    """Every outlet with how many articles and claims it has, by name."""
    per_article = (
        select(Claim.article_id, func.count(Claim.id).label("n"))
        .group_by(Claim.article_id)
        .subquery()
    )
    query = (
        select(
            Outlet.id,
            Outlet.name,
            func.count(Article.id),
            func.coalesce(func.sum(per_article.c.n), 0),
        )
        .outerjoin(Article, Article.outlet_id == Outlet.id)
        .outerjoin(per_article, per_article.c.article_id == Article.id)
        .group_by(Outlet.id)
        .order_by(nocase(Outlet.name))
    )
    return [OutletRow(i, name, articles, claims) for i, name, articles, claims in session.execute(query)]


def list_articles(session: Session, *, outlet_id: int | None = None) -> list[ArticleRow]:
    """Every article (optionally of one outlet), newest first, with its claim counts."""
    per_article = (
        select(
            Claim.article_id,
            func.count(Claim.id).label("n"),
            func.count(Claim.id).filter(Claim.status == ClaimStatus.PROPOSED).label("proposed"),
        )
        .group_by(Claim.article_id)
        .subquery()
    )
    query = (
        select(
            Article.id,
            Article.title,
            Article.outlet_id,
            Outlet.name,
            Article.published,
            func.coalesce(per_article.c.n, 0),
            func.coalesce(per_article.c.proposed, 0),
        )
        .join(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(per_article, per_article.c.article_id == Article.id)
        # Undated articles last; SQLite sorts NULL first in ascending order.
        .order_by(Article.published.is_(None), Article.published.desc(), Article.id.desc())
    )
    if outlet_id is not None:
        query = query.where(Article.outlet_id == outlet_id)
    return [ArticleRow(*row) for row in session.execute(query)]


def outlet_names(session: Session) -> list[tuple[int, str]]:
    """Every outlet's id and name, by name, for the outlet filter (no counts: cheap)."""
    query = select(Outlet.id, Outlet.name).order_by(nocase(Outlet.name), Outlet.id)
    return [(outlet_id, name) for outlet_id, name in session.execute(query)]


def list_categories(session: Session) -> list[str]:
    """The claim categories present in the database, for the category filter."""
    query = select(Claim.category).where(Claim.category.is_not(None)).distinct()
    return sorted(c for (c,) in session.execute(query))


def review_counts(session: Session) -> ReviewCounts:
    by_status = dict(
        session.execute(select(Claim.status, func.count()).group_by(Claim.status)).all()
    )
    return ReviewCounts(
        outlets=session.execute(select(func.count()).select_from(Outlet)).scalar_one(),
        articles=session.execute(select(func.count()).select_from(Article)).scalar_one(),
        claims=sum(by_status.values()),
        proposed=by_status.get(ClaimStatus.PROPOSED, 0),
        accepted=by_status.get(ClaimStatus.ACCEPTED, 0),
        rejected=by_status.get(ClaimStatus.REJECTED, 0),
        groups=session.execute(select(func.count()).select_from(ClaimGroup)).scalar_one(),
        conflicted_groups=count_groups(session, GroupFilter(conflicts_only=True)),
        verdicts=tuple((status, n) for status, n in session.execute(
            select(Verdict.status, func.count()).group_by(Verdict.status))),
    )


# -- claim groups -----------------------------------------------------------------------------


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
                   and_(ClaimGroupMember.group_id == ClaimGroup.id, _active_member()))
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
        .where(ClaimGroupMember.group_id == group_id, _active_member())
        .order_by(Outlet.name, Claim.id)
    )
    return tuple(ConflictSide(outlet, _figures_text(figures) or "—") for outlet, figures in rows)


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
        .where(ClaimGroupMember.group_id == group_id, _active_member())
        .order_by(Article.published.is_(None), Article.published, Outlet.name, Claim.id)
    ):
        why = member.explanation if isinstance(member.explanation, dict) else {}
        similarity = why.get("similarity")
        appearances.append(GroupAppearance(
            claim_id=member.claim_id, outlet=outlet, published=published, sentence=sentence,
            figures=_figures_text(figures), score=member.score, decision=member.decision,
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
