"""Matching, then measures: every matching run also works out the measures of the claims it saw.

``match_and_measure`` is what the command line, imports and copies call instead of
``matching.incremental.run_matching``: the measures of the claims matching grouped are read
off the signatures matching built (their figures' roles and frames already worked out);
``update_measures`` alone scans the claims whose measures are missing or were worked out by
an older version (all of them after the upgrade that added measures).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from matching.incremental import MatchReport, run_matching
from matching.measures import (
    MEASURES_VERSION,
    ClaimInput,
    assign_measures,
    measure_name,
    signature_measures,
)
from storage import measure_store
from storage.actions import write_fields
from storage.database import Database
from storage.measure_store import NewValue

log = logging.getLogger(__name__)

BATCH = 5000


@dataclass
class MeasureReport:
    scanned: int = 0  # claims whose measures were worked out
    values: int = 0  # measure values stored
    new_measures: int = 0

    def lines(self) -> list[str]:
        return [f"claims scanned for measures: {self.scanned}",
                f"new measures: {self.new_measures}"]


def _inputs(rows: list[measure_store.ClaimToMeasure]) -> list[ClaimInput]:
    return [ClaimInput(r.id, r.sentence, r.figures, r.start, r.published)
            for r in rows]


def update_measures(db: Database, *, only: Iterable[int] | None = None,
                    signatures: Iterable[Any] | None = None,
                    progress: Callable[[str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> MeasureReport:
    """Work out and store the measures of claims not scanned yet (only among ``only``).

    ``signatures``: matching signatures (``matching.signature.ClaimSig``) of some of these
    claims, built by the matching run just done: their measures come from them; the other
    claims are read from the database."""
    ids = sorted(set(only)) if only is not None else None
    sig_of = {s.id: s for s in signatures} if signatures is not None else {}
    report = MeasureReport()
    after: int | None = None
    while True:
        if cancelled is not None and cancelled():
            return report
        with db.write() as session:
            todo = measure_store.ids_to_measure(session, MEASURES_VERSION, BATCH, ids, after)
            if not todo:
                return report
            after = todo[-1]  # by id: what is left comes after (no rescan)
            known = [sig_of[i] for i in todo if i in sig_of]
            rows = measure_store.claims_by_id(session, [i for i in todo if i not in sig_of])
            found = signature_measures(known) + assign_measures(_inputs(rows))
            names: dict[str, str] = {}
            values = []
            for a in found:
                key = a.key.text
                if key not in names:
                    names[key] = measure_name(a.key)
                values.append(NewValue(a.claim_id, key, names[key], a.unit, a.figure, a.value,
                                       a.low, a.high, a.period, a.period_stated))
            report.new_measures += measure_store.save_values(
                session, todo, values, MEASURES_VERSION)
        report.scanned += len(todo)
        report.values += len(values)
        if progress is not None:
            progress(f"measures of {report.scanned} claims worked out")


def remeasure_all(db: Database, **kwargs) -> MeasureReport:  # noqa: ANN003
    """Work out every claim's measures again (a person's decisions are kept)."""
    with db.write() as session:
        measure_store.forget_scans(session)
    return update_measures(db, **kwargs)


def match_and_measure(db: Database, *, actor: str, **kwargs) -> MatchReport:  # noqa: ANN003
    """``run_matching``, then the measures of the claims not scanned yet (among ``only`` when
    given). A failure in the measures never loses the matching: it is logged, and the next
    run scans those claims again."""
    grouped: list[Any] = []
    report = run_matching(db, actor=actor, keep_signatures=grouped.extend, **kwargs)
    if report.cancelled:
        return report
    only = kwargs.get("only")
    try:
        update_measures(db, only=only, signatures=grouped, progress=kwargs.get("progress"),
                        cancelled=kwargs.get("cancelled"))
    except Exception:  # noqa: BLE001  (measures are an addition: matching stands)
        log.exception("working out measures after matching failed")
    return report


def edit_claim(db: Database, claim_id: int, changes: Mapping[str, Any], *, actor: str,
               expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``storage.actions.write_fields``, then the claim's measures worked out again when
    what they are read from changed (its sentence, offsets or figures): the window's edit
    shows in the measures at once. Returns the values the edit replaced."""
    before = write_fields(db, claim_id, changes, actor=actor, expected=expected)
    if set(before) & {"sentence", "start", "end", "figures"}:
        try:
            update_measures(db, only=[claim_id])
        except Exception:  # noqa: BLE001  (the edit stands; the next run measures it)
            log.exception("working out the measures of edited claim %s failed", claim_id)
    return before
