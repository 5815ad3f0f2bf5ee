"""Entry points for importing files: read_document picks the reader by file type; iter_importable expands folders."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.document import ParsedDocument, RejectedFile
from ingest.html_reader import read_html
from ingest.pdf_reader import read_pdf
from ingest.sandbox import parse_in_sandbox
from ingest.text_reader import read_text

_FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_FORMATS)
MAX_FILE_BYTES: int = 50 * 1024 * 1024
# CLAIMDESK_SANDBOX=0 parses HTML and PDF in-process (debugging a reader); the default is on.
SANDBOX_ENV = "CLAIMDESK_SANDBOX"

_log = logging.getLogger(__name__)


def read_document(
    path: Path, *, max_bytes: int = MAX_FILE_BYTES, sandboxed: bool | None = None
) -> ParsedDocument:
    """Read one article file; raises RejectedFile with a one-sentence reason if it cannot.

    HTML and PDF files are parsed in a separate process with time and memory limits
    (ingest.sandbox); ``sandboxed=False`` parses here (tests, fuzzing the readers themselves).
    Plain text stays here: it is only decoded, within the size limit.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise RejectedFile("the file does not exist (moved or deleted?)") from None
    except OSError as exc:
        raise RejectedFile(f"the file could not be opened: {_os_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise RejectedFile("this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block forever or never end.
        raise RejectedFile("not a regular file")

    source_format = _FORMATS.get(path.suffix.lower())
    if source_format is None:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        raise RejectedFile(
            f"unsupported file type {kind} (Claimdesk reads .txt, .md, .html and .pdf files)"
        )

    too_large = f"the file is larger than {_format_size(max_bytes)}"
    if info.st_size > max_bytes:
        raise RejectedFile(too_large)
    try:
        with path.open("rb") as file:
            # Read one byte past the limit: the file may have grown since stat().
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise RejectedFile(f"the file could not be read: {_os_reason(exc)}") from None
    if len(data) > max_bytes:
        raise RejectedFile(too_large)
    if not data:
        raise RejectedFile("the file is empty")

    if sandboxed is None:
        sandboxed = os.environ.get(SANDBOX_ENV, "1") != "0"
    if source_format in ("html", "pdf") and sandboxed:
        return parse_in_sandbox(data, source_format)
    if source_format == "html":
        return read_html(data)
    if source_format == "pdf":
        return read_pdf(data)
    return read_text(data, source_format=source_format)


def iter_importable(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to import from what the user picked, in a stable order.

    Folders are walked recursively in name order, yielding every file in them — whatever its
    suffix, so that read_document tells the user why a Word file or an image is not imported
    instead of it vanishing from the report — and skipping hidden entries and symlinked
    folders (which can loop or lead far outside the folder the user chose). A file named
    explicitly is always yielded too. Each file comes once.
    """
    for path, _in_folder in iter_chosen(paths):
        yield path


def iter_chosen(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """:func:`iter_importable`, each file with whether it was found by walking a folder
    (True) or named itself (False): a folder's README is passed over, a README named is not."""
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        in_folder = path.is_dir()
        candidates: Iterable[Path] = _walk(path) if in_folder else (path,)
        for candidate in candidates:
            key = _identity(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate, in_folder


def is_folder_readme(path: Path) -> bool:
    """A README (README, README.md, readme.txt …): the notes of the folder it sits in, which
    describe the articles rather than being one (resources/sample/README.md is one)."""
    return Path(path).stem.casefold() == "readme"


def _walk(folder: Path) -> Iterator[Path]:
    # An explicit stack instead of recursion: folder depth is up to the user's disk.
    stack: list[Iterator[os.DirEntry[str]]] = [iter(_sorted_entries(folder))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append(iter(_sorted_entries(Path(entry.path))))
            elif entry.is_symlink() and Path(entry.path).is_dir():
                continue
            else:  # any file, a pipe or a device: read_document says why it is left out
                yield Path(entry.path)
        except OSError as exc:
            _log.warning("skipping %s: %s", entry.path, exc)


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: (entry.name.casefold(), entry.name))
    except OSError as exc:
        _log.warning("cannot list %s: %s", folder, exc)
        return []


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _format_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"
