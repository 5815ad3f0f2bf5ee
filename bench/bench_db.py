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
    from storage.articles import NewArticle, NewClaim, add_article

    for start in range(0, len(claims), per_article):
        chunk = claims[start : start + per_article]
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
            add_article(session, NewArticle(outlet=chunk[0]["outlet"], text=text,
                                            published=published_of(chunk[0]),
                                            content_hash=f"bench-{start}"), rows, actor="bench")
