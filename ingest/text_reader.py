"""Plain-text and Markdown articles, from a file or pasted into the app: header block first, then guesses."""

from __future__ import annotations

import datetime

from ingest.dates import parse_date
from ingest.document import ParsedDocument, RejectedFile, normalize_newlines
from ingest.encoding import decode_text
from ingest.header import guess_metadata, split_header
from ingest.language import guess_language, normalize_language
from ingest.metadata import Metadata, clean_field, clean_url


def read_text(data: bytes, *, source_format: str) -> ParsedDocument:
    """Read a .txt (``source_format='txt'``) or Markdown (``'md'``) file's bytes."""
    decoded = decode_text(data)
    return _document(
        decoded.text,
        source_format=source_format,
        encoding=decoded.encoding,
        given=Metadata(warnings=list(decoded.warnings)),
    )


def document_from_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    url: str | None = None,
    published: datetime.date | str | None = None,
    language: str | None = None,
) -> ParsedDocument:
    """A ParsedDocument for text pasted into the app (source_format ``paste``).

    A header block at the top of the paste is read like a file's; the arguments (what the user
    typed into the dialog's fields) win over it. Raises RejectedFile for an empty paste.
    """
    text = normalize_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise RejectedFile("the pasted text is empty")
    given = Metadata(
        title=clean_field(title), outlet=clean_field(outlet), author=clean_field(author)
    )
    if url is not None and url.strip():
        given.url = clean_url(url)
        if given.url is None:
            given.warnings.append(
                f"the URL '{clean_field(url)}' was ignored (only http and https links are kept)"
            )
    if isinstance(published, datetime.datetime):
        given.published = published.date()
    elif isinstance(published, datetime.date):
        given.published = published
    elif isinstance(published, str) and published.strip():
        given.published = parse_date(published)
        if given.published is None:
            given.warnings.append(f"the date '{clean_field(published)}' could not be read")
    if language is not None and language.strip():
        given.language = normalize_language(language)
        if given.language is None:
            given.warnings.append(f"the language '{clean_field(language)}' is not a language code")
    return _document(text, source_format="paste", encoding=None, given=given)


def _document(text: str, *, source_format: str, encoding: str | None, given: Metadata) -> ParsedDocument:
    """Fill ``given`` from the header block, then from guesses, and build the document."""
    markdown = source_format == "md"
    split = split_header(text)
    if split is not None:
        body = split.body
        if not body.strip():
            raise RejectedFile("there is a header block but no article text after it")
        given.fill_from(split.metadata)
    else:
        body = text
    # Guesses only fill what neither the user nor the header said.
    given.fill_from(guess_metadata(body, markdown=markdown))
    given.language = given.language or guess_language(body)
    # The body is always a suffix of the decoded text (header and leading blank lines cut off).
    return ParsedDocument(text=body, source_format=source_format, encoding=encoding,
                          body_offset=len(text) - len(body), **given.fields())
