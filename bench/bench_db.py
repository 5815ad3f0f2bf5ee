"""Generated claims stored as a database would hold them: the articles of the benches that
time matching on a database (bench_matching, bench_measures)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from extraction import parse_figures


def published_of(claim: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(claim["date"][:10]) if claim.get("date") else None
    except ValueError:
        return None


def store_articles(db: Any, claims: list[dict[str, Any]], *, per_article: int = 20,
                   dated_figures: bool = False) -> None:
    """Store ``claims`` as articles of ``per_article`` claims (their figures parsed, against
    each claim's publication date when ``dated_figures``)."""
    for start in range(0, len(claims), per_article):
        store_article(db, claims[start : start + per_article], f"bench-{start}",
                      dated_figures=dated_figures)


def store_article(db: Any, chunk: list[dict[str, Any]], content_hash: str, *,
                  dated_figures: bool = False) -> int:
    """Store ``chunk`` as one article of the first claim's outlet and date; its id."""
    from storage.articles import NewArticle, NewClaim, add_article

    text, rows, pos = "", [], 0
    for c in chunk:
        sentence = c["text"]
        figures = [f.to_json_dict() for f in parse_figures(
            sentence, offset=pos, published=published_of(c) if dated_figures else None)]
        rows.append(NewClaim(sentence=sentence, start=pos, end=pos + len(sentence),
                             figures=figures, score=0.9))
        text += sentence + " "
        pos = len(text)
    with db.write() as session:
        return add_article(session, NewArticle(outlet=chunk[0]["outlet"], text=text,
                                               published=published_of(chunk[0]),
                                               content_hash=content_hash), rows, actor="bench")
