"""What a copied row must look like: the types, JSON shapes and lengths an import would store.

A database file from someone else is untrusted input. Its rows are read raw (no column type
conversion, which would raise on the first odd value) and each is checked and converted here;
a row that fails raises :class:`BadRow` with the reason, and the copy skips and reports it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from storage.models import ClaimOrigin, ClaimStatus, MemberDecision, Rating, VerdictStatus

MAX_ARTICLE_CHARS = 10_000_000
MAX_TEXT_CHARS = 20_000  # a sentence, a verdict's rationale, an evidence quote
MAX_LINE_CHARS = 2_000  # a title, an outlet, a URL, a name
MAX_JSON_CHARS = 1_000_000
MAX_ITEMS = 1_000  # figures or cues of one claim
_FIGURE_TEXT = ("text", "unit", "kind", "qualifier", "si_unit", "date")
_FIGURE_NUMBERS = ("value", "value_max", "si_value")


class BadRow(ValueError):
    """A row an import would never store; ``str(exc)`` says which field and why."""


def text(row: dict[str, Any], name: str, limit: int = MAX_LINE_CHARS, *,
         required: bool = False) -> str | None:
    value = row.get(name)
    if value is None:
        if required:
            raise BadRow(f"{name} is missing")
        return None
    if not isinstance(value, str):
        raise BadRow(f"{name} is not text")
    if required and not value.strip():
        raise BadRow(f"{name} is empty")
    if len(value) > limit:
        raise BadRow(f"{name} is longer than {limit:,} characters")
    if "\x00" in value:
        raise BadRow(f"{name} holds a NUL character")
    return value


def integer(row: dict[str, Any], name: str, *, low: int = 0) -> int:
    value = row.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < low or value > 2**62:
        raise BadRow(f"{name} is not a whole number from {low}")
    return value


def number(value: Any, name: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadRow(f"{name} is not a finite number")
    return float(value)


def choice(row: dict[str, Any], name: str, allowed: type, *, optional: bool = False) -> str | None:
    value = row.get(name)
    if value is None and optional:
        return None
    if value not in {m.value for m in allowed}:
        raise BadRow(f"{name} is not one of {', '.join(m.value for m in allowed)}")
    return str(value)


def date(row: dict[str, Any], name: str) -> dt.date | None:
    value = row.get(name)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise BadRow(f"{name} is not a date")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise BadRow(f"{name} is not a date") from exc


def moment(row: dict[str, Any], name: str, *, optional: bool = False) -> dt.datetime | None:
    value = row.get(name)
    if value is None:
        if optional:
            return None
        raise BadRow(f"{name} is missing")
    if not isinstance(value, dt.datetime):
        if not isinstance(value, str) or len(value) > 40:
            raise BadRow(f"{name} is not a date and time")
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError as exc:
            raise BadRow(f"{name} is not a date and time") from exc
    # Stored in UTC (a SQLite file keeps it without the zone).
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _json(row: dict[str, Any], name: str) -> Any:
    value = row.get(name)
    if isinstance(value, str):
        if len(value) > MAX_JSON_CHARS:
            raise BadRow(f"{name} is longer than {MAX_JSON_CHARS:,} characters")
        try:
            return json.loads(value)
        except (ValueError, RecursionError) as exc:
            raise BadRow(f"{name} is not JSON") from exc
    return value


def _clean_json(value: Any, name: str, depth: int = 0) -> None:
    """No NUL, no non-finite number, no absurd nesting anywhere inside."""
    if depth > 20:
        raise BadRow(f"{name} is nested too deeply")
    if isinstance(value, str):
        if "\x00" in value:
            raise BadRow(f"{name} holds a NUL character")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise BadRow(f"{name} holds a number that is not finite")
    elif isinstance(value, dict):
        for key, item in value.items():
            _clean_json(key, name, depth + 1)
            _clean_json(item, name, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _clean_json(item, name, depth + 1)


def figures(row: dict[str, Any]) -> list[dict[str, Any]]:
    value = _json(row, "figures")
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise BadRow("figures is not a list of figures")
    for fig in value:
        if not isinstance(fig, dict) or not isinstance(fig.get("kind"), str):
            raise BadRow("figures is not a list of figures")
        for key in _FIGURE_TEXT:
            if fig.get(key) is not None and not isinstance(fig[key], str):
                raise BadRow(f"a figure's {key} is not text")
        for key in _FIGURE_NUMBERS:
            number(fig.get(key), f"a figure's {key}", optional=True)
        for key in ("start", "end"):
            if fig.get(key) is not None and (isinstance(fig[key], bool)
                                             or not isinstance(fig[key], int)):
                raise BadRow(f"a figure's {key} is not a whole number")
    _clean_json(value, "figures")
    return value


def cues(row: dict[str, Any]) -> list[str]:
    value = _json(row, "cues")
    if (not isinstance(value, list) or len(value) > MAX_ITEMS
            or not all(isinstance(c, str) and len(c) <= MAX_LINE_CHARS for c in value)):
        raise BadRow("cues is not a list of short texts")
    _clean_json(value, "cues")
    return value


def explanation(row: dict[str, Any]) -> dict[str, Any] | None:
    value = _json(row, "explanation")
    if value is not None and not isinstance(value, dict):
        raise BadRow("explanation is not a JSON object")
    _clean_json(value, "explanation")
    return value


def outlet(row: dict[str, Any]) -> str:
    return text(row, "name", required=True)  # type: ignore[return-value]


def article(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": text(row, "title"), "author": text(row, "author"), "url": text(row, "url"),
        "published": date(row, "published"), "language": text(row, "language", 20),
        "text": text(row, "text", MAX_ARTICLE_CHARS, required=True),
        "source_path": text(row, "source_path", 4_096),
        "source_format": text(row, "source_format", 20),
        "imported_at": moment(row, "imported_at"),
        "content_hash": text(row, "content_hash", 128, required=True),
    }


def claim(row: dict[str, Any], article_chars: int) -> dict[str, Any]:
    start, end = integer(row, "start"), integer(row, "end")
    if not start < end <= article_chars:
        raise BadRow("start and end are not a place in its article")
    return {
        "sentence": text(row, "sentence", MAX_TEXT_CHARS, required=True),
        "start": start, "end": end, "category": text(row, "category", 100),
        "figures": figures(row), "claimant": text(row, "claimant"),
        "score": number(row.get("score"), "score"), "cues": cues(row),
        "status": choice(row, "status", ClaimStatus),
        "origin": choice(row, "origin", ClaimOrigin),
        "created_at": moment(row, "created_at"), "updated_at": moment(row, "updated_at"),
    }


def group(row: dict[str, Any]) -> dict[str, Any]:
    return {"canonical_text": text(row, "canonical_text", MAX_TEXT_CHARS, required=True),
            "category": text(row, "category", 100),
            "created_at": moment(row, "created_at", optional=True)}


def member(row: dict[str, Any]) -> dict[str, Any]:
    return {"score": number(row.get("score"), "score", optional=True),
            "decision": choice(row, "decision", MemberDecision),
            "explanation": explanation(row), "decided_by": text(row, "decided_by"),
            "decided_at": moment(row, "decided_at", optional=True)}


def verdict(row: dict[str, Any]) -> dict[str, Any]:
    return {"rating": choice(row, "rating", Rating, optional=True),
            "summary": text(row, "summary", MAX_TEXT_CHARS) or "",
            "rationale": text(row, "rationale", MAX_TEXT_CHARS * 5) or "",
            "reviewer": text(row, "reviewer"),
            "status": choice(row, "status", VerdictStatus),
            "created_at": moment(row, "created_at"), "updated_at": moment(row, "updated_at")}


def evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"title": text(row, "title", MAX_TEXT_CHARS) or "",
            "publisher": text(row, "publisher"), "url": text(row, "url"),
            "published": date(row, "published"), "quote": text(row, "quote", MAX_TEXT_CHARS),
            "note": text(row, "note", MAX_TEXT_CHARS)}


# The fact-check library, published verdict versions and the desk's settings ------------------

MAX_CLAIM_CHARS = 5_000  # what the fact-check importers keep (ingest/factcheck_fields.py)


def web_link(row: dict[str, Any], name: str) -> str | None:
    """An http(s) address or nothing: the importers keep no other kind of link, and a copy
    must not bring in a ``javascript:`` or ``file:`` one they would have dropped."""
    value = text(row, name)
    if value is None:
        return None
    if (not value.lower().startswith(("http://", "https://")) or len(value.split()) != 1
            or not value.isprintable()):
        raise BadRow(f"{name} is not an http(s) address")
    return value


def fact_check(row: dict[str, Any]) -> dict[str, Any]:
    return {"claim": text(row, "claim", MAX_CLAIM_CHARS, required=True),
            "title": text(row, "title"), "claimant": text(row, "claimant"),
            "rating_text": text(row, "rating_text", 200),
            "rating": choice(row, "rating", Rating, optional=True),
            "publisher": text(row, "publisher"), "url": web_link(row, "url"),
            "review_date": date(row, "review_date"), "language": text(row, "language", 40),
            "source_file": text(row, "source_file", 4_096),
            "source_format": text(row, "source_format", 20) or "claimreview",
            "imported_at": moment(row, "imported_at")}


def fact_check_link(row: dict[str, Any]) -> dict[str, Any]:
    return {"linked_by": text(row, "linked_by"), "linked_at": moment(row, "linked_at")}


def verdict_version(row: dict[str, Any]) -> dict[str, Any]:
    snapshot = _json(row, "snapshot")
    if not isinstance(snapshot, dict):
        raise BadRow("snapshot is not a JSON object")
    _clean_json(snapshot, "snapshot")
    rating = snapshot.get("rating")
    if rating is not None and rating not in {m.value for m in Rating}:
        raise BadRow(f"the snapshot's rating is not one of {', '.join(m.value for m in Rating)}")
    return {"number": integer(row, "number", low=1),
            "reason": text(row, "reason", MAX_TEXT_CHARS),
            "published_at": moment(row, "published_at"),
            "published_by": text(row, "published_by", required=True),
            "snapshot": snapshot}


def setting(row: dict[str, Any]) -> dict[str, Any]:
    return {"key": text(row, "key", 100, required=True),
            "value": text(row, "value", required=True),
            "updated_at": moment(row, "updated_at", optional=True),
            "updated_by": text(row, "updated_by")}
