"""The `Key: value` header block Claimdesk's text files may start with, and metadata guessed from a headerless article's first lines."""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from ingest.dates import find_date, is_weekday, parse_date
from ingest.language import normalize_language
from ingest.metadata import Metadata, clean_field, clean_url

KNOWN_KEYS = frozenset({"title", "outlet", "author", "date", "url", "language"})

# A key is a short name ("Title", "Fact check", "source-id"); the value may hold colons (URLs).
# (The value group is greedy and stripped afterwards: a lazy group before \s* backtracks
# quadratically on a long run of spaces.)
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9 _-]{0,39}?)[ \t]*:(.*)")
_RULE = re.compile(r"-{3,}\s*")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
_MULTIPLE_SPACES = re.compile(r"\s+")

# Heuristics only look at the top of the article: a date or byline further down belongs to
# the story (or to another story quoted in it), not to this article.
_TOP_LINES = 8
_LONG_LINE = 200
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_MAX_DATE_LINE_CHARS = 100
_MAX_OUTLET_WORDS = 5
_MAX_OUTLET_CHARS = 50

_MARKDOWN_HEADING = re.compile(r"#\s+(.+?)(?:\s+#+)?\s*")
_SETEXT_UNDERLINE = re.compile(r"=+\s*")
_BYLINE = re.compile(r"(?:by|автор:?)\s+(.+)", re.IGNORECASE)
_NAME_CONNECTORS = frozenset({"and", "&", "de", "van", "von", "der", "da", "di", "bin", "al", "і", "и"})
_DATE_LABEL = re.compile(
    r"(?:first\s+|last\s+)?(?:published|updated|posted|date|опубліковано|оновлено|опубликовано)"
    r"(?:\s+on)?",
    re.IGNORECASE,
)
_OUTLET_CONNECTORS = frozenset({"of", "the", "and", "&", "for", "on", "in", "de", "la", "du", "der", "die"})
# Separators between the parts of a dateline: "Russia Matters, 3/14/25", "By X | Outlet | date".
_PART_SEPARATOR = re.compile(r"\s*(?:,|\||·|•|\s[-–—]\s)\s*")
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[aApP]\.?\s?[mM]\.?)?|\d{1,2}\s*[aApP]\.?\s?[mM]\.?"
_TIME_ZONE = r"(?:\s*\(?(?:(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\)?)?"
_TIME_SUFFIX = re.compile(rf"(?:[-–—|,·•@]\s*|at\s+)?(?:{_TIME}){_TIME_ZONE}")
_SENTENCE_END = (".", ",", ";", ":")


class HeaderSplit(NamedTuple):
    """A header block's metadata and the article body that follows it."""

    metadata: Metadata
    body: str


def split_header(text: str) -> HeaderSplit | None:
    """Read the header block at the start of ``text``; None if the text has none.

    The block is ``Key: value`` lines ended by a ``---`` line or a blank line (or YAML front
    matter between two ``---`` lines). It only counts as a header when its first line is one of
    the known keys, so an article whose first sentence contains a colon keeps that sentence.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        return None
    front_matter = bool(_RULE.fullmatch(lines[start]))
    if front_matter:
        start += 1
    first = _KEY_LINE.fullmatch(lines[start]) if start < len(lines) else None
    if first is None or _key(first) not in KNOWN_KEYS:
        return None

    pairs: list[tuple[str, str]] = []
    end = None
    for index in range(start, len(lines)):
        line = lines[index]
        if _RULE.fullmatch(line) or (not front_matter and not line.strip()):
            end = index
            break
        if not line.strip():
            continue
        if pairs and (line[:1] in " \t" or (front_matter and line.lstrip().startswith("- "))):
            key, value = pairs[-1]
            continuation = line.strip().removeprefix("- ").strip()
            pairs[-1] = (key, f"{value}\n{continuation}" if value else continuation)
            continue
        match = _KEY_LINE.fullmatch(line)
        if match is None:
            # Text that is not "Key: value" before the block ends: this was not a header.
            return None
        pairs.append((_key(match), match.group(2).strip()))
    if end is None:
        if front_matter:
            return None
        end = len(lines)

    body_start = sum(len(line) + 1 for line in lines[: end + 1])
    body = text[body_start:]
    blank = _LEADING_BLANK_LINES.match(body)
    if blank:
        body = body[blank.end():]
    return HeaderSplit(_header_metadata(pairs, unquote=front_matter), body)


def guess_metadata(text: str, *, markdown: bool = False) -> Metadata:
    """Title, date, outlet and author guessed from the first lines of a headerless article.

    Each guess needs a clear pattern (a headline standing alone on the first line, a line that
    is only a date, optionally after an outlet name); anything less leaves the field None.
    """
    meta = Metadata()
    top = _top_lines(text)
    if not top:
        return meta
    meta.title = _guess_title(text, top, markdown=markdown)
    for line in top:
        if meta.published is None:
            dateline = _read_dateline(line)
            if dateline is not None:
                meta.published = dateline.published
                meta.outlet = meta.outlet or dateline.outlet
                meta.author = meta.author or dateline.author
                continue
        if meta.author is None:
            meta.author = _read_byline(line)
    return meta


def _key(match: re.Match[str]) -> str:
    return _MULTIPLE_SPACES.sub(" ", match.group(1)).strip().lower()


def _header_metadata(pairs: list[tuple[str, str]], *, unquote: bool) -> Metadata:
    meta = Metadata()
    for key, raw in pairs:
        value = raw.strip()
        if unquote and len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if not value:
            continue
        if key not in KNOWN_KEYS:
            meta.extra[key] = f"{meta.extra[key]}\n{value}" if key in meta.extra else value
        elif key == "title":
            meta.title = meta.title or clean_field(value)
        elif key == "outlet":
            meta.outlet = meta.outlet or clean_field(value)
        elif key == "author":
            meta.author = meta.author or clean_field(value)
        elif key == "date":
            published = parse_date(value)
            if published is None:
                meta.warnings.append(f"the date '{clean_field(value)}' in the header could not be read")
            meta.published = meta.published or published
        elif key == "url":
            url = clean_url(value)
            if url is None:
                meta.warnings.append(
                    f"the URL '{clean_field(value)}' was ignored (only http and https links are kept)"
                )
            meta.url = meta.url or url
        elif key == "language":
            language = normalize_language(value)
            if language is None:
                meta.warnings.append(f"the language '{clean_field(value)}' in the header is not a language code")
            meta.language = meta.language or language
    return meta


def _top_lines(text: str) -> list[str]:
    """The article's first non-empty lines, up to the first paragraph of body text."""
    top: list[str] = []
    for line in text.split("\n", 200)[:200]:
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) > _LONG_LINE or len(top) == _TOP_LINES:
            break
        top.append(stripped)
    return top


def _guess_title(text: str, top: list[str], *, markdown: bool) -> str | None:
    first = top[0]
    if markdown:
        heading = _MARKDOWN_HEADING.fullmatch(first)
        if heading:
            return clean_field(heading.group(1))
        if len(top) > 1 and _SETEXT_UNDERLINE.fullmatch(top[1]):
            return clean_field(first)
    if not _stands_alone(text, first):
        return None
    return clean_field(first) if _looks_like_headline(first) else None


def _stands_alone(text: str, first: str) -> bool:
    """Whether the first line is followed by a blank line (or a dateline) and then more text."""
    rest = text[text.index(first) + len(first):]
    following = rest.split("\n", 2)
    if len(following) < 3 or not following[2].strip():
        return False
    next_line = following[1].strip()
    return not next_line or _read_dateline(next_line) is not None


def _looks_like_headline(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters or len(line) > _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    if letters[0].islower() or line.endswith(_SENTENCE_END):
        return False
    if line.startswith(("#", "*", "-", ">", "http://", "https://", "www.")):
        return False
    if _read_byline(line) is not None:
        return False
    # A line opening or closing with a date ("June 1, 2025 | Reuters", "In Kyiv, June 1,
    # 2025") is a dateline in a form not understood above, not a headline.
    found = find_date(line)
    return found is None or (found.start > 0 and bool(line[found.end:].strip(" .,")))


class _Dateline(NamedTuple):
    published: datetime.date
    outlet: str | None
    author: str | None


def _read_dateline(line: str) -> _Dateline | None:
    """A line that is a date, maybe with a time after it and a weekday/outlet/byline before it."""
    if len(line) > _MAX_DATE_LINE_CHARS:
        return None
    found = find_date(line)
    if found is None:
        return None
    suffix = line[found.end:].strip()
    if suffix and not _TIME_SUFFIX.fullmatch(suffix):
        return None
    outlet = author = None
    prefix = line[: found.start].strip().rstrip(" ,-–—|·•:")
    for part in _PART_SEPARATOR.split(prefix) if prefix else ():
        part = part.strip()
        if not part or is_weekday(part) or _DATE_LABEL.fullmatch(part):
            continue
        byline = _read_byline(part)
        if byline is not None:
            author = author or byline
        elif _is_dateline_place(part):
            continue
        elif outlet is None and _looks_like_outlet(part):
            outlet = part
        else:
            return None
    return _Dateline(found.date, clean_field(outlet), author)


def _read_byline(line: str) -> str | None:
    match = _BYLINE.fullmatch(line.strip())
    if match is None:
        return None
    name = match.group(1).strip()
    words = name.split()
    people_words = [w for w in words if w.lower() not in _NAME_CONNECTORS]
    if not 1 <= len(people_words) <= 8 or not all(w[0].isupper() for w in people_words):
        return None
    if any(c.isdigit() for c in name) or name.endswith(_SENTENCE_END):
        return None
    return clean_field(name)


def _is_dateline_place(part: str) -> bool:
    # "KYIV, March 3, 2025": a single word in capitals before the date is the place of the
    # report, not the outlet (short acronyms such as BBC are outlets, hence the length).
    return " " not in part and part.isupper() and len(part) >= 4


def _looks_like_outlet(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= _MAX_OUTLET_WORDS or len(part) > _MAX_OUTLET_CHARS:
        return False
    if not part[0].isupper() and not part[0].isdigit():
        return False
    if any(c in "!?;:\"“”«»()" for c in part):
        return False
    if words[0].lower() in _OUTLET_CONNECTORS and words[0].lower() != "the":
        return False  # "In Kyiv, June 1": the start of a sentence, not a name
    significant = [w for w in words if w.lower() not in _OUTLET_CONNECTORS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)
