"""The matching suite runs against every engine: ``db`` follows the ``db_url`` parameter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass(frozen=True)
class Source:
    """A claim's sentence and figures in the shape the conflict banner and frame texts read."""

    claim_id: int
    sentence: str
    figures: list[dict[str, Any]] = field(default_factory=list)
    start: int = 0
    published: str | None = None


def source_of(claim_id: int, sentence: str, published: str) -> Source:
    """A Source with its figures parsed as an import does, against ``published``."""
    from extraction import parse_figures

    figures = parse_figures(sentence, published=dt.date.fromisoformat(published))
    return Source(claim_id, sentence, [f.to_json_dict() for f in figures], 0, published)


def store_claims(db, claims, tag: str) -> list[int]:
    """Store generated claims (``{"text", "outlet"}`` dicts) twenty to an article, figures parsed
    as an import does; returns their ids in order. ``tag`` keeps the articles' hashes apart."""
    from extraction import parse_figures
    from storage.articles import NewArticle, NewClaim, add_article, claim_ids_of_article

    ids: list[int] = []
    for start in range(0, len(claims), 20):
        chunk = claims[start : start + 20]
        text, rows, pos = "", [], 0
        for c in chunk:
            figures = [f.to_json_dict() for f in parse_figures(c["text"], offset=pos)]
            rows.append(NewClaim(sentence=c["text"], start=pos, end=pos + len(c["text"]),
                                 figures=figures, score=0.9))
            text += c["text"] + " "
            pos = len(text)
        with db.write() as session:
            article = add_article(session, NewArticle(outlet=chunk[0]["outlet"], text=text,
                                                      content_hash=f"{tag}-{start}"),
                                  rows, actor="test")
        with db.read() as session:
            ids += claim_ids_of_article(session, article)
    return ids


@pytest.fixture
def db(db_url: str):
    from storage.schema import open_location

    database = open_location(db_url)
    yield database
    database.dispose()
