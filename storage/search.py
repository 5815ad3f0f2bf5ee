"""Full-text search over claims and articles (SQLite FTS5, Unicode-aware)."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlmodel import Session

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


def _search(session: Session, fts_table: str, user_text: str, limit: int | None) -> list[int]:
    query = fts_query(user_text)
    if query is None:
        return []
    sql = f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :q ORDER BY rank"
    params: dict[str, object] = {"q": query}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [r[0] for r in session.execute(text(sql), params)]


def search_claim_ids(session: Session, user_text: str, *, limit: int | None = None) -> list[int]:
    """Claim ids matching every word, best match first."""
    return _search(session, "claim_fts", user_text, limit)


def search_article_ids(session: Session, user_text: str, *, limit: int | None = None) -> list[int]:
    """Article ids matching every word (title or text), best match first."""
    return _search(session, "article_fts", user_text, limit)


def highlight_terms(user_text: str) -> list[str]:
    """The words to highlight in results (the GUI marks their prefix matches)."""
    return _TOKEN.findall(user_text)
