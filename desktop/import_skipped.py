"""The documents in a chosen folder that the import walk passes over (a Word file among the
articles): each gets its own line in the import report instead of vanishing (#17.13)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ingest.pipeline import FileResult, Outcome

# Formats people keep articles in that Claimdesk does not read; other files in a folder
# (images, notes.xyz) are not articles and stay unmentioned.
DOCUMENT_SUFFIXES = frozenset({".docx", ".doc", ".odt", ".rtf", ".pages", ".epub", ".xps"})
_READS = ".txt, .md, .html and .pdf"


def skipped_documents(paths: Iterable[Path], reported: Iterable[str]) -> list[FileResult]:
    """A rejected line for every document file under the chosen folders not in ``reported``
    (the sources the import already has a line for), hidden entries left out, name order."""
    seen = {str(Path(r)) for r in reported}
    lines = []
    for folder in paths:
        if not Path(folder).is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if name.startswith(".") or path.suffix.lower() not in DOCUMENT_SUFFIXES:
                    continue
                if str(path) not in seen:
                    lines.append(FileResult(
                        str(path), Outcome.REJECTED,
                        f"unsupported file type '{path.suffix.lower()}' (Claimdesk reads {_READS} "
                        "files; save it as PDF or plain text to import it)"))
    return lines
