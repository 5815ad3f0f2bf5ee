"""One published fact-check's fields, cleaned: plain text without markup, http(s) links only,
dates, languages, ratings — and what the readers hand on (a good item, or a bad one and why)."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ingest.dates import parse_date
from ingest.factcheck_ratings import rating_from_text, rating_from_value
from storage.factchecks import NewFactCheck

# A feed is read as a stream, so only an item's own size matters; HTML pages are read whole.
MAX_FEED_BYTES = 2 * 1024**3
MAX_HTML_BYTES = 20 * 1024**2
MAX_CLAIM_CHARS = 5_000
MAX_FIELD_CHARS = 1_000
MAX_URL_CHARS = 2_000
MAX_NESTING = 12


class UnreadableChecks(Exception):
    """The whole file cannot be read as fact-checks; the message is the user's sentence."""


@dataclass(frozen=True)
class BadItem:
    where: str  # "line 7", "item 12", "dataFeedElement[3]"
    reason: str

    def line(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class ReadItem:
    where: str
    check: NewFactCheck
    dropped_link: bool = False  # a url that was not http(s) was left out


Item = ReadItem | BadItem

# Cleaning ------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,2000}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_text(value: Any, limit: int = MAX_FIELD_CHARS) -> str | None:
    """Plain one-line text from a field: markup and entities resolved to text, control
    characters out, cut at ``limit`` characters; None for anything that is not text."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or value.get("@value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    # Most fields are already plain, printable, single-spaced text: skip the regexes.
    if (value.isprintable() and "<" not in value and "&" not in value and "  " not in value
            and "\u200b" not in value and 0 < len(value) <= limit and value == value.strip()):
        return value
    if "<" in value or "&" in value:
        value = html.unescape(_TAG.sub(" ", value))
        value = _TAG.sub(" ", value)  # markup that was written as entities
    value = _SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()
    if not value:
        return None
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value


def clean_url(value: Any) -> tuple[str | None, bool]:
    """(the link if it is a plain http(s) address, whether something else was dropped)."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str) or not value.strip():
        return None, False
    url = value.strip()
    if len(url) > MAX_URL_CHARS or not _PLAIN_URL.match(url):
        return None, True
    if _SIMPLE_URL.match(url):
        return url, False  # an ASCII host name: what urlsplit would accept, without it
    try:
        parts = urlsplit(url)
    except ValueError:
        return None, True
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None, True
    return url, False


_PLAIN_URL = re.compile(r"(?i)https?://[^\s\x00-\x1f\x7f\u200b\u2028\u2029\ufeff]+\Z")
# http(s)://host.name[:port] then nothing or a path, query or fragment of visible ASCII: the
# common case, which needs no urlsplit (the slow part of reading a 100,000-item feed).
_SIMPLE_URL = re.compile(r"(?i)https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?"
                         r"(?:[/?#][\x21-\x7e]*)?\Z")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def clean_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) > 100:
        return None
    m = _ISO_DAY.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parse_date(value)
    except (ValueError, OverflowError):
        return None


def clean_language(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    text = clean_text(value, 40)
    return unicodedata.normalize("NFC", text) if text else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and len(value) < 40:
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def first_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value[:5]) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        return clean_text(value.get("name") or value.get("alternateName") or value.get("url"))
    return clean_text(value)


def make_item(where: str, claim: Any, *, title: Any = None, claimant: Any = None,
          rating_text: Any = None, rating_numbers: tuple[Any, Any, Any] = (None, None, None),
          publisher: Any = None, url: Any = None, date: Any = None,
          language: Any = None) -> Item:
    if isinstance(claim, str) and len(claim) > 20 * MAX_CLAIM_CHARS:
        return BadItem(where, f"the claim is longer than {MAX_CLAIM_CHARS:,} characters")
    text = clean_text(claim, 20 * MAX_CLAIM_CHARS)
    if text is None:
        return BadItem(where, "no claim text (the claim reviewed is missing or empty)")
    if len(text) > MAX_CLAIM_CHARS:
        return BadItem(where, f"the claim is longer than {MAX_CLAIM_CHARS:,} characters")
    label = clean_text(rating_text, 200)
    rating = rating_from_text(label) or rating_from_value(*map(_number, rating_numbers))
    link, dropped = clean_url(url)
    return ReadItem(where, NewFactCheck(
        claim=text, title=clean_text(title, MAX_FIELD_CHARS), claimant=_name_of(claimant),
        rating_text=label, rating=rating, publisher=_name_of(publisher), url=link,
        review_date=clean_date(date), language=clean_language(language),
    ), dropped)
