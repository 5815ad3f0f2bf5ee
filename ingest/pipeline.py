"""The import pipeline: read a file, extract its proposed claims, store both in one transaction.

One file is one user action: its article, claims and audit entry commit together, and a file
that fails (bad bytes, a parser error, a database error) is reported and skipped without
touching anything already stored or the files after it. Matching the new claims afterwards
is ``workflows.importing``'s part: ingest does not call matching.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from extraction import extract_claims
from ingest.document import ParsedDocument, RejectedFile, content_hash
from ingest.readers import is_folder_readme, iter_chosen, read_document
from storage.articles import (
    UNKNOWN_OUTLET,
    NewArticle,
    NewClaim,
    add_article,
    article_by_hash,
    article_metadata,
    recognise_outlet,
)
from storage.database import Database
from storage.errors import StorageError

# What to do once an article is stored (``workflows.importing`` matches its claims):
# (database, actor, article id) -> notes for the file's line.
AfterStore = Callable[[Database, str, int], list[str]]


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    SKIPPED = "skipped"  # passed over on purpose (a folder's README): not an error


FOLDER_README = ("a folder's README describes the folder, it is not an article "
                 "(choose the file itself to import it)")


@dataclass(frozen=True)
class FileResult:
    source: str  # a path, or "pasted text"
    outcome: Outcome
    message: str
    article_id: int | None = None
    claims: int = 0

    def line(self) -> str:
        """The one-line report the CLI prints and the GUI lists."""
        return f"{self.outcome.value:<9} {self.source}: {self.message}"


@dataclass(frozen=True)
class ImportDefaults:
    """Values used where a file does not say them itself."""

    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None


def fallback_title(text: str, limit: int = 90) -> str:
    """A title for an article that has none: the first words of its first real paragraph
    (short lines such as a dateline are skipped), cut at a word boundary."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if len(line.split()) >= 6), lines[0] if lines else "")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–—") + "…"


def proposed_claims(doc: ParsedDocument) -> list[NewClaim]:
    return [
        NewClaim(
            sentence=c.sentence,
            start=c.start,
            end=c.end,
            category=c.category,
            figures=[f.to_json_dict() for f in c.figures],
            claimant=c.claimant,
            score=round(c.score, 4),
            cues=list(c.cues),
        )
        for c in extract_claims(doc.text, published=doc.published)
    ]


def store_document(
    db: Database,
    doc: ParsedDocument,
    *,
    source: str,
    actor: str,
    defaults: ImportDefaults = ImportDefaults(),
    after_store: AfterStore | None = None,
) -> FileResult:
    """Extract and store one parsed document (skipped as a duplicate if its text is known),
    then call ``after_store`` if it has claims."""
    digest = content_hash(doc.text)
    with db.read() as session:
        existing = article_by_hash(session, digest)
        recognised = None if existing or doc.outlet or defaults.outlet else recognise_outlet(
            session, doc.url or defaults.url, doc.text)
        unnamed = existing is not None and article_metadata(
            session, existing.id)["outlet"] == UNKNOWN_OUTLET
    if existing is not None:
        hint = (f"; its outlet is unknown: name it with claimdesk article {existing.id} "
                "--outlet NAME" if unnamed else "")
        return FileResult(source, Outcome.DUPLICATE,
                          f"already imported (article {existing.id}){hint}", existing.id)
    claims = proposed_claims(doc)
    article = NewArticle(
        outlet=doc.outlet or defaults.outlet or recognised or UNKNOWN_OUTLET,
        text=doc.text,
        content_hash=digest,
        title=doc.title or defaults.title or fallback_title(doc.text),
        author=doc.author or defaults.author,
        url=doc.url or defaults.url,
        published=doc.published,
        language=doc.language,
        source_path=source,
        source_format=doc.source_format,
    )
    try:
        with db.write() as session:
            article_id = add_article(session, article, claims, actor=actor)
    except IntegrityError:
        # Another writer stored the same text between our check and our insert.
        return FileResult(source, Outcome.DUPLICATE, "already imported")
    notes = list(doc.warnings)
    if recognised:
        notes.append("outlet recognised from the article's address or text")
    elif article.outlet == UNKNOWN_OUTLET:
        notes.append(f"outlet unknown: name it with claimdesk article {article_id} --outlet NAME "
                     "(or the Articles view)")
    if claims and after_store is not None:
        notes += after_store(db, actor, article_id)
    message = f"{len(claims)} proposed claims, outlet {article.outlet!r}"
    if notes:
        message += f" ({'; '.join(notes)})"
    return FileResult(source, Outcome.IMPORTED, message, article_id, len(claims))


def import_file(
    db: Database, path: Path, *, actor: str, defaults: ImportDefaults = ImportDefaults(),
    after_store: AfterStore | None = None,
) -> FileResult:
    source = str(path)
    try:
        doc = read_document(path)
    except RejectedFile as exc:
        return FileResult(source, Outcome.REJECTED, str(exc))
    except OSError as exc:
        return FileResult(source, Outcome.REJECTED, f"cannot read the file ({exc.strerror or exc})")
    try:
        return store_document(db, doc, source=source, actor=actor, defaults=defaults,
                              after_store=after_store)
    except StorageError as exc:
        return FileResult(source, Outcome.REJECTED, str(exc))


def import_paths(
    db: Database,
    paths: Iterable[Path],
    *,
    actor: str,
    defaults: ImportDefaults = ImportDefaults(),
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    after_store: AfterStore | None = None,
) -> Iterator[FileResult]:
    """Import files and folders, yielding one result per file as it is done.

    ``progress(done, total, path)`` is called before each file; ``cancelled()`` is checked
    between files, so a cancel never leaves a half-stored article.
    """
    chosen = list(iter_chosen(paths))
    files = [path for path, _in_folder in chosen]
    for done, (path, in_folder) in enumerate(chosen):
        if cancelled is not None and cancelled():
            return
        if progress is not None:
            progress(done, len(files), path)
        if in_folder and is_folder_readme(path):
            yield FileResult(str(path), Outcome.SKIPPED, FOLDER_README)
            continue
        yield import_file(db, path, actor=actor, defaults=defaults, after_store=after_store)
    if progress is not None and files:
        progress(len(files), len(files), files[-1])
