"""The window's reads: each opens one read transaction (one snapshot) and returns plain values.

The desktop calls these from its worker threads and never holds a session itself (as Anki's
``aqt`` only calls ``Collection`` methods). The queries they run live in ``storage.queries``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from storage import settings as desk
from storage.articles import article_metadata, claim_ids_of_article
from storage.database import Database
from storage.factchecks import claim_texts_of_article, fact_check_count, linked_fact_checks
from storage.models import Article, AuditEntry
from storage.publication import PublishedVersion, history
from storage.queries import (
    ArticleRow,
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    GroupDetail,
    GroupFilter,
    GroupRow,
    OutletRow,
    PageCursor,
    ReviewCounts,
    claim_detail,
    claim_page,
    count_claims,
    count_groups,
    group_detail,
    group_page,
    list_articles,
    list_categories,
    list_outlets,
    outlet_names,
    review_counts,
)
from storage.settings import Organisation, organisation


def first_claims_page(db: Database, flt: ClaimFilter, sort_key: str, descending: bool,
                      limit: int) -> tuple[int, list[ClaimRow]]:
    """(how many claims ``flt`` lets through, the first page of them), from one snapshot."""
    with db.read() as session:
        return (count_claims(session, flt),
                claim_page(session, flt, sort_key, descending, 0, limit))


def next_claims_page(db: Database, flt: ClaimFilter, sort_key: str, descending: bool,
                     limit: int, after: PageCursor) -> list[ClaimRow]:
    """The page of claims after ``after`` in the same order."""
    with db.read() as session:
        return claim_page(session, flt, sort_key, descending, 0, limit, after=after)


def first_groups_page(db: Database, flt: GroupFilter, limit: int) -> tuple[int, list[GroupRow]]:
    """(how many claim groups ``flt`` lets through, the first page of them), from one snapshot."""
    with db.read() as session:
        return count_groups(session, flt), group_page(session, 0, limit, flt)


def next_groups_page(db: Database, flt: GroupFilter, limit: int,
                     after: GroupRow) -> list[GroupRow]:
    """The page of claim groups after the row ``after`` (keyset: its outlet count, then id)."""
    with db.read() as session:
        return group_page(session, 0, limit, flt, after=after)


def groups_list(db: Database, limit: int) -> list[GroupRow]:
    """The first ``limit`` claim groups, the most widely stated first."""
    with db.read() as session:
        return group_page(session, 0, limit)


def read_claim_detail(db: Database, claim_id: int) -> ClaimDetail | None:
    with db.read() as session:
        return claim_detail(session, claim_id)


def read_group_detail(db: Database, group_id: int) -> GroupDetail | None:
    with db.read() as session:
        return group_detail(session, group_id)


def read_review_counts(db: Database) -> ReviewCounts:
    with db.read() as session:
        return review_counts(session)


def filter_choices(db: Database) -> tuple[list[str], list[tuple[int, str]]]:
    """The categories in use and the outlets as (id, name): what the claim filters offer."""
    with db.read() as session:
        return list_categories(session), outlet_names(session)


def read_outlets(db: Database) -> list[OutletRow]:
    with db.read() as session:
        return list_outlets(session)


def read_articles(db: Database) -> list[ArticleRow]:
    with db.read() as session:
        return list_articles(session)


def article_text(db: Database, article_id: int) -> tuple[str, dt.date | None] | None:
    """An article's text and publication date; None if there is no such article."""
    with db.read() as session:
        article = session.get(Article, article_id)
        return None if article is None else (article.text, article.published)


def article_claim_ids(db: Database, article_id: int) -> list[int]:
    """The ids of an article's claims."""
    with db.read() as session:
        return claim_ids_of_article(session, article_id)


def never_used(db: Database) -> bool:
    """True for a database nobody has done anything in yet (its audit log is empty)."""
    with db.read() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == 0


def article_claim_texts(db: Database, article_id: int) -> list[tuple[int, str]]:
    """(id, sentence) of an article's claims."""
    with db.read() as session:
        return claim_texts_of_article(session, article_id)


def fact_check_links(db: Database, group_id: int | None) -> tuple[bool, set[int]]:
    """(whether the fact-check library is empty, the fact-checks linked to ``group_id`` as the
    same claim), from one snapshot."""
    with db.read() as session:
        empty = fact_check_count(session) == 0
        linked = ({e.fact_check_id for e in linked_fact_checks(session, group_id)}
                  if group_id is not None else set())
    return empty, linked


def article_edit_form(db: Database, article_id: int) -> tuple[dict[str, Any], list[str]]:
    """An article's editable fields and the outlet names to offer, from one snapshot
    (``ArticleEditError`` if there is no such article)."""
    with db.read() as session:
        return article_metadata(session, article_id), [name for _, name in outlet_names(session)]


def latest_marks(db: Database) -> tuple[int, int]:
    """(the newest audit entry's id, how many articles): whether anyone wrote meanwhile."""
    with db.read() as session:
        last = session.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar_one()
        articles = session.execute(select(func.count()).select_from(Article)).scalar_one()
    return int(last), int(articles)


def read_organisation(db: Database) -> Organisation:
    """Who publishes, as stored in this database (Preferences → Organisation)."""
    with db.read() as session:
        return organisation(session)


def organisation_form(db: Database) -> tuple[dict[str, str], bool, bool]:
    """(the stored desk settings, whether two-person review is on, whether this is a team
    database): what Preferences → Organisation shows."""
    with db.read() as session:
        return (desk.all_settings(session), desk.two_person_review(session),
                desk.is_team_database(session))


def published_versions(db: Database, group_id: int) -> list[PublishedVersion]:
    """Every published version and correction of a claim group's verdict."""
    with db.read() as session:
        return history(session, group_id)
