"""The lists beside the claims: articles, outlets, categories and the review counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from storage.models import Article, Claim, ClaimGroup, ClaimStatus, Outlet, Verdict
from storage.queries.groups import GroupFilter, count_groups
from storage.sqlcompat import nocase


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
