"""At window start, the claims a killed import left without a signature or a claim group are
matched in a worker (never on the GUI thread), with a line in the status bar (#20.10)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal

from desktop.changes import MATCHED
from desktop.controllers.base import Controller
from desktop.tasks import Task, TaskContext, run_task
from matching.incremental import MatchReport
from matching.leftovers import pick_up_unmatched, unmatched_claim_ids
from storage.database import Database
from storage.errors import StorageError
from workflows.measuring import match_and_measure


def _tr(text: str) -> str:
    return QCoreApplication.translate("LeftoverPickup", text)


def _pick_up(db: Database, actor: str, ctx: TaskContext) -> tuple[int, MatchReport]:
    """Worker thread: how many claims were left unmatched, and the matching run's report."""
    left = len(unmatched_claim_ids(db))
    if not left:
        return 0, MatchReport()
    ctx.progress(0, 0, _tr("Matching {n} claim(s) an interrupted import left unmatched…")
                 .format(n=left))
    report = pick_up_unmatched(db, actor=actor, run=match_and_measure, cancelled=ctx.cancelled)
    return left, report


class LeftoverPickup(Controller):
    """One look for leftovers per window: ``working`` while it matches (a line that stays),
    ``message`` when done, ``changes`` for the window."""

    working = Signal(str)

    def __init__(self, db: Database, actor: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.task: Task | None = None
        self.picked_up = 0  # claims matched by the last look (for the tests and the report)

    def start(self) -> Task:
        db, actor = self._db, self._actor
        self.task = run_task(lambda ctx: _pick_up(db, actor, ctx), name="pick_up_unmatched",
                             on_result=self._finished, on_error=self._failed,
                             on_progress=self._progressed, owner=self)
        return self.task

    def _progressed(self, _done: int, _total: int, text: str) -> None:
        if text:
            self.working.emit(text)

    def _finished(self, outcome: tuple[int, MatchReport]) -> None:
        left, report = outcome
        if not left:
            return  # nothing was left over: nothing to say
        if report.cancelled:
            self.message.emit(_tr("{n} claim(s) an interrupted import left unmatched are still "
                                  "unmatched; Groups → Run matching matches them.").format(n=left))
            return
        self.picked_up = left
        self.message.emit(_tr(
            "{n} claim(s) an interrupted import left unmatched are matched now: {joined} joined "
            "a claim group, {new} new claim group(s), {conflicts} new conflict(s).").format(
            n=left, joined=len(report.joined), new=len(report.new_groups),
            conflicts=len(report.conflicts)))
        self.changes.emit(MATCHED)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StorageError):
            raise exc  # a programming error: let it be seen, not swallowed
        self.message.emit(_tr("Claims left unmatched by an interrupted import could not be "
                              "matched now ({why}); Groups → Run matching tries again.")
                          .format(why=str(exc)))


def attach_leftover_pickup(window: Any) -> LeftoverPickup:
    """Start the look for leftovers on ``window``'s database; its lines go to the status bar,
    its changes to the window (and the Measures view). Also ``window.leftover_pickup``."""
    pickup = LeftoverPickup(window.db, window.settings.actor(), window)
    pickup.working.connect(lambda text: window.statusBar().showMessage(text))
    pickup.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
    pickup.changes.connect(window.on_changes)
    measures = getattr(window, "measures", None)
    if measures is not None:  # matching worked the measures out: the view follows
        pickup.changes.connect(lambda _changes: measures.refresh())
    window.leftover_pickup = pickup
    pickup.start()
    return pickup
