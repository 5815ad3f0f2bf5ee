"""Importing fact-check files into the library: read as a stream, stored in batches (never the
same review twice). The caller then saves the look-up index and refreshes the Inbox markers
(matching.checked.after_import), as after an article import it matches the new claims."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ingest.factcheck_readers import BadItem, ReadItem, UnreadableChecks, read_checks
from storage.database import Database
from storage.factchecks import NewFactCheck, add_fact_checks

# One transaction per batch: a writer elsewhere waits at most one batch, and a cancel keeps the
# batches already stored (importing the file again adds only the rest).
BATCH = 2_000
# A report lists this many bad items by position, then says how many more there were.
MAX_LISTED = 200
_FORMAT_NAMES = {"json": "ClaimReview/Fact Check JSON", "html": "HTML page", "csv": "CSV"}

Progress = Callable[[int, int, int], None]  # (files done, files in all, items read in this file)


@dataclass
class CheckFileResult:
    source: str
    kind: str | None = None
    imported: int = 0
    duplicates: int = 0
    bad: list[BadItem] = field(default_factory=list)
    bad_count: int = 0
    links_dropped: int = 0
    error: str | None = None  # the whole file was refused
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.bad_count == 0

    def summary(self) -> str:
        if self.error is not None:
            return f"rejected  {self.source}: {self.error}"
        parts = [f"{self.imported} fact-checks imported", f"{self.duplicates} already there"]
        if self.bad_count:
            parts.append(f"{self.bad_count} left out")
        if self.links_dropped:
            parts.append(f"{self.links_dropped} links that were not http(s) dropped")
        what = _FORMAT_NAMES.get(self.kind or "", self.kind or "")
        head = "cancelled" if self.cancelled else "imported"
        text = f"{head:<9} {self.source} ({what}): {', '.join(parts)}"
        if not self.imported and not self.duplicates and not self.bad_count:
            text += " — no fact-checks found in the file"
        return text

    def lines(self) -> list[str]:
        """The summary, then one line per bad item (the first MAX_LISTED)."""
        out = [self.summary()]
        out += [f"  {self.source}: {bad.line()}" for bad in self.bad]
        if self.bad_count > len(self.bad):
            out.append(f"  {self.source}: … and {self.bad_count - len(self.bad)} more left out")
        return out


def import_check_file(db: Database, path: Path, *, actor: str,
                      progress: Callable[[int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> CheckFileResult:
    """Read one file and store its good fact-checks; bad items are listed, never fatal."""
    result = CheckFileResult(str(path))
    try:
        result.kind, items = read_checks(path)
        batch: list[NewFactCheck] = []
        read = 0
        for item in items:
            if isinstance(item, BadItem):
                result.bad_count += 1
                if len(result.bad) < MAX_LISTED:
                    result.bad.append(item)
                continue
            assert isinstance(item, ReadItem)
            batch.append(item.check)
            result.links_dropped += item.dropped_link
            read += 1
            if len(batch) >= BATCH:
                _store(db, batch, result, actor)
                batch = []
                if progress is not None:
                    progress(read)
                if cancelled is not None and cancelled():
                    result.cancelled = True
                    return result
        _store(db, batch, result, actor)
        if progress is not None:
            progress(read)
    except UnreadableChecks as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"cannot read the file ({exc.strerror or exc})"
    return result


def _store(db: Database, batch: list[NewFactCheck], result: CheckFileResult, actor: str) -> None:
    if not batch:
        return
    with db.write() as session:
        new = add_fact_checks(session, batch, source_file=result.source,
                              source_format=result.kind or "", actor=actor)
    result.imported += len(new)
    result.duplicates += len(batch) - len(new)


def import_check_files(db: Database, paths: Iterable[Path], *, actor: str,
                       progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None) -> Iterator[CheckFileResult]:
    """Import each file in turn, yielding its result; stops after a cancel."""
    files = list(paths)
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        if progress is not None:
            progress(done, len(files), 0)
        tick = (lambda n, d=done: progress(d, len(files), n)) if progress else None
        result = import_check_file(db, path, actor=actor, progress=tick, cancelled=cancelled)
        yield result
        if result.cancelled:
            return
    if progress is not None and files:
        progress(len(files), len(files), 0)
