"""Reading article files (txt, Markdown, HTML, PDF) and pasted text into ParsedDocument; no database, no Qt."""

from ingest.document import ParsedDocument, RejectedFile, content_hash
from ingest.readers import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, iter_importable, read_document
from ingest.text_reader import document_from_text

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "ParsedDocument",
    "RejectedFile",
    "content_hash",
    "document_from_text",
    "iter_importable",
    "read_document",
]
