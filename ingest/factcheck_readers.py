"""Reading published fact-checks from files: ClaimReview JSON-LD (object, array, @graph,
DataFeed, embedded in saved HTML), Google Fact Check Tools JSON, and CSV — as a stream.

Every item read is either a :class:`NewFactCheck` (cleaned: no markup, http(s) links only) or a
:class:`BadItem` naming where it is and why it was left out; a file that cannot be read at all
raises :class:`UnreadableChecks`. JSON is parsed with ijson, one item at a time, so a 100,000-
item feed never sits in memory whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from ingest.factcheck_fields import (
    MAX_FEED_BYTES,
    MAX_HTML_BYTES,
    MAX_NESTING,
    BadItem,
    Item,
    ReadItem,
    UnreadableChecks,
    first_dict,
    make_item,
)

# JSON-LD and Google's claim search ------------------------------------------------------------

def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", obj.get("type"))
    values = value if isinstance(value, list) else [value]
    # "ClaimReview", "schema:ClaimReview", "http://schema.org/ClaimReview"
    return {v.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)}


def claimreview_item(obj: dict[str, Any], where: str) -> Item:
    """One schema.org ClaimReview object as a fact-check."""
    rating = first_dict(obj.get("reviewRating"))
    reviewed = first_dict(obj.get("itemReviewed"))
    claim = obj.get("claimReviewed")
    if not isinstance(claim, str) or not claim.strip():
        claim = reviewed.get("text") or reviewed.get("name")
    return make_item(
        where, claim, title=obj.get("name") or obj.get("headline"),
        claimant=reviewed.get("author"),
        rating_text=rating.get("alternateName") or rating.get("name"),
        rating_numbers=(rating.get("ratingValue"), rating.get("bestRating"),
                        rating.get("worstRating")),
        publisher=obj.get("author") or obj.get("publisher"), url=obj.get("url"),
        date=obj.get("datePublished") or obj.get("dateModified"),
        language=obj.get("inLanguage"))


def google_items(obj: dict[str, Any], where: str) -> Iterator[Item]:
    """One claim of Google's Fact Check Tools claim search: one fact-check per review."""
    reviews = obj.get("claimReview")
    if not isinstance(reviews, list) or not reviews:
        yield BadItem(where, "a claim without any \"claimReview\"")
        return
    for n, review in enumerate(reviews):
        here = f"{where}.claimReview[{n}]" if len(reviews) > 1 else where
        if not isinstance(review, dict):
            yield BadItem(here, "a review that is not an object")
            continue
        publisher = review.get("publisher")
        if isinstance(publisher, dict):
            publisher = publisher.get("name") or publisher.get("site")
        yield make_item(here, obj.get("text"), title=review.get("title"),
                    claimant=obj.get("claimant"), rating_text=review.get("textualRating"),
                    publisher=publisher, url=review.get("url"),
                    date=review.get("reviewDate") or obj.get("claimDate"),
                    language=review.get("languageCode"))


# Keys under which fact-check containers hold their items.
_CONTAINERS = ("@graph", "dataFeedElement", "item", "itemListElement", "claims", "mainEntity",
               "review", "hasPart")


def items_in(value: Any, where: str, depth: int = 0) -> Iterator[Item]:
    """Every fact-check in a JSON value: a ClaimReview, a Google claim, or a container of them
    (array, @graph, DataFeed, DataFeedItem, ItemList)."""
    if depth > MAX_NESTING:
        yield BadItem(where, "nested too deeply")
        return
    if isinstance(value, list):
        for n, element in enumerate(value):
            yield from items_in(element, f"{where}[{n}]" if where else f"item {n + 1}", depth + 1)
        return
    if not isinstance(value, dict):
        yield BadItem(where or "file", "not a ClaimReview object")
        return
    if "ClaimReview" in _types(value):
        yield claimreview_item(value, where or "item 1")
        return
    if "claimReview" in value and "text" in value:
        yield from google_items(value, where or "item 1")
        return
    found = False
    for key in _CONTAINERS:
        if key in value and isinstance(value[key], list | dict):
            found = True
            yield from items_in(value[key], f"{where}.{key}" if where else key, depth + 1)
    if not found and not _is_page_noise(value):
        kind = ", ".join(sorted(_types(value))) or "an object"
        yield BadItem(where or "item 1", f"{kind} without a ClaimReview in it")


def _is_page_noise(value: dict[str, Any]) -> bool:
    # Pages carry other JSON-LD (Organization, BreadcrumbList, WebSite…): not an error.
    return bool(_types(value) - {"ClaimReview", "DataFeed", "DataFeedItem", "ItemList",
                                 "Claim"}) or not value


# The top-level paths whose array items are streamed one at a time.
_STREAMED = {"item": "item", "@graph.item": "@graph", "dataFeedElement.item": "dataFeedElement",
             "claims.item": "claims", "itemListElement.item": "itemListElement"}


def _first_container(fh: BinaryIO) -> str | None:
    """The streamed path (``dataFeedElement.item``…) the file's items are under, found by
    reading events only up to the first item; None when there is none (a single object)."""
    for prefix, event, _ in ijson.parse(fh):
        if prefix in _STREAMED and event not in ("end_array", "map_key"):
            return prefix
    return None


def read_json_stream(fh: BinaryIO) -> Iterator[Item]:
    """Fact-checks from a JSON file, streamed: the items of a top-level array, ``@graph``,
    ``dataFeedElement``, ``claims`` or ``itemListElement`` are built one at a time (by ijson's
    C backend); a file without such a list is one object (a single ClaimReview)."""
    start = fh.tell()
    counts: dict[str, int] = {}
    try:
        path = _first_container(fh)
        fh.seek(start)
        if path is None:
            yield from items_in(next(ijson.items(fh, ""), None), "")
            return
        container = _STREAMED[path]
        for value in ijson.items(fh, path, use_float=True):
            yield from _streamed(value, container, counts)
    except (ijson.JSONError, UnicodeDecodeError, StopIteration) as exc:
        done = sum(counts.values())
        after = f" after {done:,} items" if done else ""
        yield BadItem("file", f"not valid JSON{after}: {_short(str(exc))} (the rest of the "
                      "file was not read)")


def _streamed(value: Any, container: str, counts: dict[str, int]) -> Iterator[Item]:
    n = counts.get(container, 0)
    counts[container] = n + 1
    where = f"item {n + 1}" if container == "item" else f"{container}[{n}]"
    yield from items_in(value, where, 1)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# HTML -------------------------------------------------------------------------------------------

_LD_SCRIPT = re.compile(
    r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_LD_TYPE = re.compile(r"""type\s*=\s*["']?\s*application/ld\+json""", re.IGNORECASE)


def read_html(data: bytes) -> Iterator[Item]:
    """The ClaimReviews in a saved page's ``<script type="application/ld+json">`` blocks."""
    text = data.decode("utf-8", errors="replace")
    blocks = [m["body"] for m in _LD_SCRIPT.finditer(text) if _LD_TYPE.search(m["attrs"])]
    if not blocks:
        raise UnreadableChecks("an HTML page without any ClaimReview "
                               "(no <script type=\"application/ld+json\"> block)")
    any_review = False
    for n, body in enumerate(blocks, start=1):
        try:
            value = json.loads(body.strip().removeprefix("<!--").removesuffix("-->"))
        except (json.JSONDecodeError, RecursionError) as exc:
            yield BadItem(f"script block {n}", f"not valid JSON: {_short(str(exc))}")
            continue
        for item in items_in(value, f"script block {n}"):
            if isinstance(item, ReadItem):
                any_review = True
            yield item
    if not any_review:
        raise UnreadableChecks("no ClaimReview in the page's JSON-LD blocks")


# CSV --------------------------------------------------------------------------------------------

_COLUMNS: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claimreviewed", "claim reviewed", "text", "claim text", "statement"),
    "rating": ("rating", "textualrating", "textual rating", "verdict", "rating text", "label",
               "alternatename"),
    "url": ("url", "review url", "reviewurl", "link", "review link", "fact-check url",
            "factcheck url"),
    "publisher": ("publisher", "author", "fact-checker", "factchecker", "organisation",
                  "organization", "source", "site"),
    "date": ("date", "review date", "reviewdate", "datepublished", "date published", "published"),
    "language": ("language", "lang", "languagecode", "language code", "inlanguage"),
    "title": ("title", "headline", "review title", "name"),
    "claimant": ("claimant", "speaker", "said by", "claim author"),
}
_ALIASES = {alias: column for column, aliases in _COLUMNS.items() for alias in aliases}


def _column(header: str) -> str | None:
    return _ALIASES.get(" ".join(header.replace("_", " ").split()).casefold())


def read_csv(fh: io.TextIOBase) -> Iterator[Item]:
    """Fact-checks from a CSV file whose first line names the columns (comma, semicolon or
    tab separated; a "claim" column is required). The header is checked at once (raising
    UnreadableChecks); the rows are read as they are asked for."""
    first = fh.readline()
    if not first.strip():
        raise UnreadableChecks("an empty CSV file (the first line must name the columns)")
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    header = next(csv.reader([first], dialect))
    names = [_column(h) for h in header]
    if "claim" not in names:
        raise UnreadableChecks(
            "a CSV file without a \"claim\" column (the first line must name the columns: "
            "claim, rating, url, publisher, date, language)")
    return _csv_rows(csv.reader(fh, dialect), header, names)


def _csv_rows(reader: Any, header: list[str], names: list[str | None]) -> Iterator[Item]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = reader.line_num + 1
            yield BadItem(f"line {line}", f"not readable as CSV: {_short(str(exc))}")
            continue
        line = reader.line_num + 1  # the header line was read before the reader started
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield BadItem(f"line {line}", f"{len(row)} cells under a header of {len(header)}")
            continue
        fields: dict[str, str] = {}
        for name, cell in zip(names, row, strict=False):
            if name is not None and name not in fields:
                fields[name] = cell
        yield make_item(f"line {line}", fields.get("claim"), title=fields.get("title"),
                    claimant=fields.get("claimant"), rating_text=fields.get("rating"),
                    publisher=fields.get("publisher"), url=fields.get("url"),
                    date=fields.get("date"), language=fields.get("language"))


# Choosing the reader ----------------------------------------------------------------------------

def sniff_format(path: Path, head: bytes) -> str:
    """"json", "html" or "csv", from the first bytes (and the name, when they are unclear)."""
    if b"\0" in head:
        raise UnreadableChecks("a binary file, not ClaimReview JSON, an HTML page or CSV")
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    suffix = path.suffix.lower()
    if start[:1] in (b"{", b"["):
        return "json"
    if start[:1] == b"<" or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".json", ".jsonld", ".json-ld"):
        return "json"
    if suffix in (".csv", ".tsv", ".txt") or b"," in head or b"\t" in head or b";" in head:
        return "csv"
    raise UnreadableChecks("neither ClaimReview JSON, an HTML page nor a CSV file")


def read_checks(path: Path) -> tuple[str, Iterator[Item]]:
    """(format, the items of the file, streamed). Raises UnreadableChecks or OSError."""
    size = path.stat().st_size
    if path.is_dir():
        raise UnreadableChecks("a folder, not a file")
    if size == 0:
        raise UnreadableChecks("an empty file")
    with open(path, "rb") as fh:
        head = fh.read(4096)
    kind = sniff_format(path, head)
    if kind == "html":
        if size > MAX_HTML_BYTES:
            raise UnreadableChecks(f"an HTML page of {size / 1024**2:.0f} MB; pages over "
                                   f"{MAX_HTML_BYTES // 1024**2} MB are not read")
        # A page is small and read whole: a page without reviews is refused here, at once.
        return kind, iter(list(read_html(path.read_bytes()[: MAX_HTML_BYTES + 1])))
    if size > MAX_FEED_BYTES:
        raise UnreadableChecks(f"a file of {size / 1024**3:.1f} GB; files over "
                               f"{MAX_FEED_BYTES // 1024**3} GB are not read")
    if kind == "json":
        return kind, _json_items(path)
    return kind, _csv_items(path)


def _json_items(path: Path) -> Iterator[Item]:
    with open(path, "rb") as fh:
        if fh.read(3) != codecs.BOM_UTF8:
            fh.seek(0)
        yield from read_json_stream(fh)


def _csv_items(path: Path) -> Iterator[Item]:
    fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed by the generator)
    try:
        rows = read_csv(fh)
    except UnicodeDecodeError as exc:
        fh.close()
        raise UnreadableChecks(f"not UTF-8 text ({exc.reason})") from exc
    except BaseException:
        fh.close()
        raise
    return _closing(fh, rows)


def _closing(fh: io.TextIOBase, rows: Iterator[Item]) -> Iterator[Item]:
    with fh:
        try:
            yield from rows
        except UnicodeDecodeError as exc:
            yield BadItem("file", f"not UTF-8 text ({exc.reason}); the rest of the file was "
                          "not read")
