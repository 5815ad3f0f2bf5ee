"""Open or create with samples: the default database, filled with the sample corpus (imported
and matched) the first time it is used."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import FileResult
from resources import resource_path
from storage.database import Database
from storage.paths import default_database_path
from storage.reads import never_used
from storage.schema import open_database, open_location
from workflows.importing import import_paths

SAMPLE_ACTOR = "claimdesk-sample"


def sample_corpus_dir() -> Path:
    return resource_path("sample")


def load_sample_corpus(db: Database) -> list[FileResult]:
    """Import the shipped sample articles (duplicates are skipped, so this is idempotent)."""
    folder = sample_corpus_dir()
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    return list(import_paths(db, files, actor=SAMPLE_ACTOR))


def open_chosen_database(location: Path | str | None) -> Database:
    """The database a user named (``--db``: a file or a ``postgresql://`` address), or else
    the default one with its samples."""
    if location is not None:
        return open_location(location)
    return open_default_database()[0]


def open_default_database(path: Path | None = None) -> tuple[Database, bool]:
    """Open the database at ``path`` (default: the user's data folder).

    A database never used before is created and filled with the sample corpus; the flag says
    whether that happened.
    """
    path = path or default_database_path()
    db = open_database(path)
    # "Never used" rather than "file did not exist": a first run killed half-way through the
    # sample import still gets its samples on the next start.
    first_run = never_used(db)
    if first_run:
        load_sample_corpus(db)
    return db, first_run
