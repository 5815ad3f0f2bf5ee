"""Article metadata gathered by the readers (title, outlet, date…) and the rules every field passes through."""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Longer than any real headline or outlet name; keeps a runaway <title> out of the database.
MAX_FIELD_CHARS = 500

_WHITESPACE_RUN = re.compile(r"\s+")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")


@dataclass
class Metadata:
    """Everything a reader learnt about an article besides its text."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: datetime.date | None = None
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def fill_from(self, other: Metadata) -> None:
        """Take ``other``'s value for every field still empty here; merge extras and warnings."""
        for name in ("title", "outlet", "author", "url", "published", "language"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        for key, value in other.extra.items():
            self.extra.setdefault(key, value)
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)

    def fields(self) -> dict[str, object]:
        """The fields as keyword arguments for ParsedDocument."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def clean_field(value: str | None) -> str | None:
    """Single-line, trimmed text for a title/outlet/author, or None if nothing is left."""
    if value is None:
        return None
    value = _WHITESPACE_RUN.sub(" ", value).strip()
    if not value:
        return None
    if len(value) > MAX_FIELD_CHARS:
        value = value[: MAX_FIELD_CHARS - 1].rstrip() + "…"
    return value


def clean_url(value: str | None) -> str | None:
    """``value`` if it is an absolute http/https URL, else None.

    Other schemes (javascript:, file:, data:) would become live links in the GUI and in the
    published PDF, so they never get in.
    """
    if value is None:
        return None
    value = value.strip().strip("<>")
    if not value or _CONTROL_OR_SPACE.search(value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return value
