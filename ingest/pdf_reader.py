"""Reading a PDF's text layer and document info with pypdf, turning its many failure modes into RejectedFile."""

from __future__ import annotations

import datetime
import io
import re

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

from ingest.dates import parse_date
from ingest.document import ParsedDocument, RejectedFile, normalize_newlines
from ingest.header import guess_metadata
from ingest.language import guess_language
from ingest.metadata import Metadata, clean_field

_PDF_MAGIC = b"%PDF-"
# The PDF spec allows junk before the header; readers look at the first kilobyte.
_MAGIC_SEARCH_BYTES = 1024
_MAX_REASON_CHARS = 120
# Control characters some PDFs' text layers contain (font quirks); tab and newline stay.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Info titles that are the authoring tool's placeholder, not the article's title.
_PLACEHOLDER_TITLE = re.compile(
    r"(?:untitled|title|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|odt|rtf|indd|pdf|txt|html?))",
    re.IGNORECASE,
)


def read_pdf(data: bytes) -> ParsedDocument:
    """Extract a PDF's text (pages joined by blank lines) and Title/Author/CreationDate."""
    if _PDF_MAGIC not in data[:_MAGIC_SEARCH_BYTES]:
        raise RejectedFile("not a PDF file (it has no PDF header)")
    warnings: list[str] = []
    try:
        # strict=False: pypdf repairs small defects (as PDF viewers do) instead of failing.
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt_without_password(reader)
            warnings.append("the PDF is encrypted without a password to open it; read anyway")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = _info_metadata(reader)
    except RejectedFile:
        raise
    except MemoryError:
        raise RejectedFile("the PDF is damaged or unreadable: it needs too much memory") from None
    except LimitReachedError:
        raise RejectedFile(
            "the PDF is damaged or unreadable: a compressed part is larger than the safety limit"
        ) from None
    except RecursionError:
        raise RejectedFile("the PDF is damaged or unreadable: its structure is nested too deeply") from None
    except Exception as exc:
        # pypdf raises PdfReadError, but also ValueError, KeyError, TypeError, struct.error,
        # zlib.error… on broken files; at this boundary each is a damaged file, not a bug here.
        raise RejectedFile(f"the PDF is damaged or unreadable: {_short_reason(exc)}") from exc

    cleaned = (normalize_newlines(_CONTROL_CHARS.sub("", page)).strip("\n") for page in pages)
    text = "\n\n".join(page for page in cleaned if page.strip())
    if not text.strip():
        raise RejectedFile("the PDF has no text layer (scanned images?)")
    meta.fill_from(guess_metadata(text))
    meta.language = meta.language or guess_language(text)
    meta.warnings = warnings + meta.warnings
    return ParsedDocument(text=text, source_format="pdf", encoding=None, **meta.fields())


def _decrypt_without_password(reader: pypdf.PdfReader) -> None:
    # Many published PDFs are "encrypted" only to restrict printing or copying: the password
    # to open them is empty. Those are read; a PDF that needs a real password is rejected.
    try:
        opened = reader.decrypt("")
    except (DependencyError, FileNotDecryptedError, NotImplementedError):
        opened = pypdf.PasswordType.NOT_DECRYPTED
    if opened == pypdf.PasswordType.NOT_DECRYPTED:
        raise RejectedFile("the PDF is encrypted")


def _info_metadata(reader: pypdf.PdfReader) -> Metadata:
    meta = Metadata()
    try:
        info = reader.metadata
    except Exception:  # a broken info dictionary must not cost the text
        return meta
    if info is None:
        return meta
    title = clean_field(_info_string(info, "/Title"))
    if title and not _PLACEHOLDER_TITLE.fullmatch(title):
        meta.title = title
    meta.author = clean_field(_info_string(info, "/Author"))
    meta.published = _info_date(info)
    return meta


def _info_string(info: pypdf.DocumentInformation, key: str) -> str | None:
    try:
        value = info.get(key)
        return str(value) if value is not None else None
    except Exception:
        return None


def _info_date(info: pypdf.DocumentInformation) -> datetime.date | None:
    try:
        created = info.creation_date
    except Exception:
        created = None
    if isinstance(created, datetime.datetime):
        return created.date()
    # pypdf could not parse it; try the raw "D:YYYYMMDD…" value ourselves.
    raw = _info_string(info, "/CreationDate") or ""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", raw)
    return parse_date("-".join(match.groups())) if match else None


def _short_reason(exc: Exception) -> str:
    reason = str(exc).strip().split("\n", 1)[0] or type(exc).__name__
    if len(reason) > _MAX_REASON_CHARS:
        reason = reason[: _MAX_REASON_CHARS - 1].rstrip() + "…"
    return reason
