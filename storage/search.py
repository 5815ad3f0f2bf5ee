"""Full-text search over claims and articles: SQLite FTS5, or PostgreSQL tsvector/GIN.

One interface for both engines; each uses its own machinery (see migration 0001): FTS5 with
unicode61 on SQLite, 'simple'-configuration tsvectors with unaccent on PostgreSQL. On both,
every word typed must appear, as a prefix, and what was typed is never query syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Integer, column, func, literal_column, select, text
from sqlmodel import Session

from storage.models import Article, Claim

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must appear, as a prefix.

    Each word is quoted, so FTS5 operators and punctuation in the input ("AND", "NEAR", '"',
    '*', '-') are searched for as text instead of being parsed as query syntax.
    """
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _pg_document(table: str) -> ColumnElement:
    """The indexed tsvector of a row: the generated column of migration 0001 (not a model
    field, so named here; the statement's FROM is the unaliased table)."""
    return literal_column(f"{table}.claimdesk_fts")


def _pg_query(user_text: str) -> ColumnElement:
    # The words become quoted prefix terms inside the database (claimdesk_prefix_query), from
    # the same parser and accent folding as the indexed documents.
    return func.claimdesk_prefix_query(user_text)


def matching_claim_ids(dialect: str, user_text: str):  # noqa: ANN201 (a selectable)
    """A subquery of the ids of claims matching ``user_text`` (unordered), for IN (...)
    filters; None if nothing typed can match a word."""
    if fts_query(user_text) is None:
        return None
    if dialect == "postgresql":
        return select(Claim.id).where(_pg_document("claim").op("@@")(_pg_query(user_text)))
    return (
        text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :fts")
        .bindparams(fts=fts_query(user_text))
        .columns(column("rowid", Integer))
    )


def _search(session: Session, table: str, user_text: str, limit: int | None) -> list[int]:
    query = fts_query(user_text)
    if query is None:
        return []
    if _dialect(session) == "postgresql":
        model = Claim if table == "claim" else Article
        doc, tsq = _pg_document(table), _pg_query(user_text)
        stmt = (
            select(model.id)
            .where(doc.op("@@")(tsq))
            .order_by(func.ts_rank(doc, tsq).desc(), model.id)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(session.execute(stmt).scalars())
    fts_table = f"{table}_fts"
    sql = f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :q ORDER BY rank"
    params: dict[str, object] = {"q": query}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [r[0] for r in session.execute(text(sql), params)]


def search_claim_ids(session: Session, user_text: str, *, limit: int | None = None) -> list[int]:
    """Claim ids matching every word, best match first."""
    return _search(session, "claim", user_text, limit)


def search_article_ids(session: Session, user_text: str, *, limit: int | None = None) -> list[int]:
    """Article ids matching every word (title or text), best match first."""
    return _search(session, "article", user_text, limit)


def highlight_terms(user_text: str) -> list[str]:
    """The words to highlight in results (the GUI marks their prefix matches)."""
    return _TOKEN.findall(user_text)
