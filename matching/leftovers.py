"""Claims left without a signature or a group (a killed import, a postponed matching run),
found and matched on the next import, ``claimdesk match`` or window start."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

from matching.incremental import MatchReport, run_matching
from storage import match_store as store
from storage.database import Database

# Databases whose leftovers this process has already looked for (each is looked at once:
# within a process new claims are matched as they arrive, and a failed run forgets its
# database here so the next import looks again).
_looked_at: weakref.WeakSet[Database] = weakref.WeakSet()


def unmatched_claim_ids(db: Database) -> list[int]:
    """Ids of the matchable claims with no signature or no active group."""
    with db.read() as session:
        return store.claims_left_unmatched(session)


def leftovers_once(db: Database) -> list[int]:
    """``unmatched_claim_ids`` the first time it is asked for ``db`` in this process (or
    after :func:`look_again`), [] afterwards: an import pays for the look-up once."""
    if db in _looked_at:
        return []
    ids = unmatched_claim_ids(db)
    _looked_at.add(db)
    return ids


def look_again(db: Database) -> None:
    """Look for leftovers on ``db`` again at the next import (a matching run failed)."""
    _looked_at.discard(db)


def pick_up_unmatched(
    db: Database,
    *,
    actor: str,
    also: Iterable[int] = (),
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    run: Callable[..., MatchReport] = run_matching,
) -> MatchReport:
    """Index and match the claims left without a signature or a group, together with
    ``also`` (an import's new claims), in one matching run (``run``: run_matching, or
    workflows.measuring.match_and_measure to work out their measures too). For a window
    start, a CLI command or an import: headless, no Qt."""
    ids = sorted(set(unmatched_claim_ids(db)) | set(also))
    _looked_at.add(db)
    if not ids:
        return MatchReport()
    try:
        return run(db, actor=actor, only=ids, progress=progress, cancelled=cancelled)
    except BaseException:
        look_again(db)
        raise
