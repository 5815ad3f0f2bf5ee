"""The real test articles in /work/shared/corpus: metadata guessed from headerless files, text kept whole.

The expected titles are read from the files at run time so no article text is copied here.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ingest import content_hash, read_document


def corpus_file(corpus: Path, prefix: str) -> Path:
    (path,) = corpus.glob(f"{prefix}_*.txt")
    return path


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n", 1)[0].strip()


def test_every_corpus_file_is_read_whole(corpus: Path) -> None:
    for path in sorted(corpus.glob("*.txt")):
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8"), path.name
        assert (doc.source_format, doc.encoding, doc.language) == ("txt", "utf-8", "en")
        assert doc.warnings == []
        assert content_hash(doc.text) == content_hash(path.read_bytes().decode("utf-8").replace("\n", "\r\n"))


def test_article_opening_with_a_dateline_has_a_date_but_no_title(corpus: Path) -> None:
    doc = read_document(corpus_file(corpus, "000"))

    assert doc.published == datetime.date(2025, 6, 1)
    assert (doc.title, doc.outlet, doc.author, doc.url) == (None, None, None, None)


def test_digest_with_outlet_and_us_date_line(corpus: Path) -> None:
    path = corpus_file(corpus, "001")
    doc = read_document(path)

    assert doc.title == first_line(path)
    assert doc.outlet == "Russia Matters"
    assert doc.published == datetime.date(2025, 3, 14)
    # Bylines of the pieces quoted further down must not become this article's author.
    assert doc.author is None


def test_headline_only_articles(corpus: Path) -> None:
    for prefix in ("002", "003"):
        path = corpus_file(corpus, prefix)
        doc = read_document(path)

        assert doc.title == first_line(path), prefix
        assert doc.title and not doc.title.endswith(".")
        assert (doc.published, doc.outlet, doc.author) == (None, None, None), prefix
