"""Copy in then match: another Claimdesk database's work copied into this one (laptop to laptop
through a file, a laptop to the team's server and back), then what arrived matched, as after an
import."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.document import content_hash
from matching import checked
from matching.incremental import MatchReport, index_claims
from matching.leftovers import pick_up_unmatched, unmatched_claim_ids
from storage.copy import CopyReport, copy_database
from storage.database import Database, in_chunk, is_server_url
from storage.foreign import open_foreign_file
from storage.schema import open_location
from workflows.measuring import match_and_measure


@dataclass(frozen=True)
class CopyInResult:
    copied: CopyReport
    matched: MatchReport | None  # None when no claim arrived

    def lines(self) -> list[str]:
        return self.copied.lines() + (self.matched.lines() if self.matched else [])


def open_source(location: str) -> Database:
    """The database to copy from: it must exist (never created) and is only read. A file is
    someone else's, untrusted: read through a checked private snapshot, never written."""
    if is_server_url(location):
        return open_location(location, create=False)
    return open_foreign_file(location)


def copy_in(source: Database, dest: Database, *, actor: str) -> CopyInResult:
    """Copy what ``dest`` lacks from ``source`` and match the claims that arrived against
    ``dest``'s."""
    report = copy_database(source, dest, actor=actor, hash_text=content_hash)
    if report.records.fact_checks or report.records.versions:
        # The library grew: its look-up index is saved and the Inbox markers follow.
        checked.after_import(dest)
    if not report.new_claim_ids:
        # Copy then match is one unit that resumes: a copy killed after its commit left its
        # claims unsigned or ungrouped, and running it again (which copies nothing new)
        # matches them now instead of leaving them for the next import (#20.5).
        if not unmatched_claim_ids(dest):
            return CopyInResult(report, None)
        return CopyInResult(report, pick_up_unmatched(dest, actor=actor, run=match_and_measure))
    # The copied claims get their matching signatures, and those the source had not grouped
    # are matched against the destination.
    # In slices under the engine's limit on bound values (a 250,000-claim copy is one IN list
    # too many otherwise). Should this stop half-way, the next import, match or window start
    # indexes and matches what is left (matching.incremental picks up unsigned claims).
    ids, chunk = report.new_claim_ids, in_chunk(dest)
    for k in range(0, len(ids), chunk):
        index_claims(dest, only=ids[k:k + chunk])
    return CopyInResult(report, match_and_measure(dest, actor=actor, progress=None))
