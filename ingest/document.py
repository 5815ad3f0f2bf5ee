"""ParsedDocument (one article as read), RejectedFile (why a file cannot be imported), content_hash."""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_WHITESPACE_RUN = re.compile(r"\s+")


@dataclass
class ParsedDocument:
    """An article as read from a file or a paste, before claims are extracted from it.

    ``text`` is the article body. Claim offsets are positions in this exact string, so readers
    change nothing in it beyond decoding, dropping a BOM and turning CRLF/CR into LF (plus, for
    files with a header block, leaving the header out).
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: datetime.date | None = None
    language: str | None = None
    source_format: str = "txt"
    encoding: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Where ``text`` starts in the decoded file (after a header block), so a command that
    # reports offsets "into the file as read" can add it.
    body_offset: int = 0


class RejectedFile(Exception):
    """A file (or paste) that cannot be imported; ``str(exc)`` is one sentence a user can read."""


def content_hash(text: str) -> str:
    """SHA-256 hex digest of ``text`` that ignores line endings, spacing and Unicode normal form.

    The same article saved again with CRLF, re-wrapped lines or decomposed accents must be
    recognised as a duplicate, so the hash is taken over the NFC form with every whitespace run
    collapsed to one space.
    """
    normal = unicodedata.normalize("NFC", text)
    normal = _WHITESPACE_RUN.sub(" ", normal).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, the only line ending the rest of Claimdesk sees."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
