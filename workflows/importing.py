"""Import then match: the import pipeline with the new claims matched against the stored ones
and looked up in the fact-check library (the Inbox's "already checked" marker)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from ingest import pipeline
from ingest.document import ParsedDocument
from ingest.pipeline import FileResult, ImportDefaults
from matching.checked import mark_claims
from matching.leftovers import leftovers_once, look_again
from storage.database import Database
from storage.errors import StorageError
from storage.reads import article_claim_ids, article_claim_texts
from workflows.measuring import match_and_measure

log = logging.getLogger(__name__)


def match_new_article(db: Database, actor: str, article_id: int) -> list[str]:
    """Match a new article's claims; notes for its import line.

    Its own transaction: the import stands even if this fails, and the claims are picked up
    by the next matching run.
    """
    try:
        ids = article_claim_ids(db, article_id)
        # Claims an earlier import left unmatched (killed, or its matching postponed) are
        # matched with these (looked for once per database and process).
        mine = set(ids)
        earlier = [i for i in leftovers_once(db) if i not in mine]
        report = match_and_measure(db, actor=actor, only=ids + earlier)
    except StorageError as exc:
        look_again(db)
        return [f"matching postponed: {exc}"]
    except Exception:  # a matching bug must not lose the import; it is logged in full
        look_again(db)
        log.exception("matching after import failed")
        return ["matching postponed after an internal error (see the log)"]
    found = []
    if earlier:
        found.append(f"{len(earlier)} claims left unmatched earlier matched too")
    if report.joined:
        found.append(f"{len(report.joined)} matched to claims already stored")
    if report.conflicts:
        found.append(f"{len(report.conflicts)} conflicting figures found")
    return found


def look_up_new_article(db: Database, article_id: int) -> list[str]:
    """Look a new article's claims up in the fact-check library; notes for its import line.

    Like matching, its own transaction, and a failure never loses the import.
    """
    try:
        close = mark_claims(db, article_claim_texts(db, article_id))
    except StorageError as exc:
        return [f"fact-check look-up postponed: {exc}"]
    except Exception:  # a look-up bug must not lose the import; it is logged in full
        log.exception("fact-check look-up after import failed")
        return ["fact-check look-up postponed after an internal error (see the log)"]
    return [f"{close} already fact-checked"] if close else []


def after_import(db: Database, actor: str, article_id: int, *, match: bool = True) -> list[str]:
    """What follows storing an article with claims: matching them (unless ``match`` is
    False), then the fact-check look-up."""
    notes = match_new_article(db, actor, article_id) if match else []
    return notes + look_up_new_article(db, article_id)


def store_document(db: Database, doc: ParsedDocument, *, source: str, actor: str,
                   defaults: ImportDefaults = ImportDefaults(),  # noqa: B008
                   match: bool = True) -> FileResult:
    """Store one parsed document (``ingest.pipeline.store_document``), then match its claims
    (unless ``match`` is False) and look them up in the fact-check library."""
    return pipeline.store_document(db, doc, source=source, actor=actor, defaults=defaults,
                                   after_store=partial(after_import, match=match))


def import_file(db: Database, path: Path, *, actor: str,
                defaults: ImportDefaults = ImportDefaults()) -> FileResult:  # noqa: B008
    """Import one file, then match its claims and look them up."""
    return pipeline.import_file(db, path, actor=actor, defaults=defaults,
                                after_store=after_import)


def import_paths(
    db: Database,
    paths: Iterable[Path],
    *,
    actor: str,
    defaults: ImportDefaults = ImportDefaults(),  # noqa: B008
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[FileResult]:
    """Import files and folders (``ingest.pipeline.import_paths``), matching each file's
    claims and looking them up as soon as it is stored. A run that stores nothing new (every
    file a duplicate) still matches what a killed import left unmatched (#20.10)."""
    yield from pipeline.import_paths(db, paths, actor=actor, defaults=defaults,
                                     progress=progress, cancelled=cancelled,
                                     after_store=after_import)
    if cancelled is None or not cancelled():
        match_leftovers(db, actor)


def match_leftovers(db: Database, actor: str) -> None:
    """Match the claims an earlier import left unmatched, unless this process already looked
    for them on ``db``; a failure is logged and left for the next run, never raised."""
    try:
        earlier = leftovers_once(db)
        if earlier:
            match_and_measure(db, actor=actor, only=earlier)
    except Exception:  # noqa: BLE001  (the import stands; the next run looks again)
        look_again(db)
        log.exception("matching the claims left unmatched earlier failed")
