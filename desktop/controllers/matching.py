"""Matching for the window: one run in a worker with a progress dialog and Cancel, then a report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.changes import MATCHED
from desktop.controllers.base import Controller
from desktop.settings import Settings
from desktop.tasks import Task, TaskContext, TaskProgressDialog, run_task, run_with_progress
from matching.incremental import MatchReport, run_matching
from matching.pair_why import PairWhy, UnknownClaim, compare_stored
from storage.backup import make_backup
from storage.database import Database


class Matching(Controller):
    """Runs matching for the window; says what happened through its signals."""

    def __init__(self, db: Database, settings: Settings, parent: QWidget,
                 task_failed: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._parent = parent
        self._task_failed = task_failed
        self.task: Task | None = None
        self.compare_task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None

    def start(self) -> Task | None:
        if self.task is not None and self.task.is_running():
            self.error.emit(self.tr("Matching is already running."))
            return None
        db, actor = self._db, self._settings.actor()
        thresholds = self._settings.matching_thresholds()

        def work(ctx: TaskContext) -> MatchReport:
            if db.path is not None:  # re-matching is a bulk change: a backup first
                ctx.progress(0, 0, QCoreApplication.translate("Matching", "Backing up…"))
                make_backup(db.path, "before-match")
            return run_matching(db, actor=actor, thresholds=thresholds,
                                progress=lambda text: ctx.progress(0, 0, text),
                                cancelled=ctx.cancelled)

        self.progress_dialog = run_with_progress(
            self.tr("Matching claims across outlets"), work, self._finished,
            parent=self._parent, on_error=self._task_failed, name="matching", owner=self,
            cancelling=self.tr("Cancelling; nothing of this run will be kept…"))
        self.task = self.progress_dialog.task
        return self.task

    def _finished(self, report: MatchReport) -> None:
        if report.cancelled:
            self.message.emit(self.tr("Matching was cancelled; the claim groups are as before."))
            return
        self.message.emit(self.tr(
            "Matching finished.\n{signed} claim(s) indexed, {joined} joined an existing claim "
            "group, {new} new claim group(s), {conflicts} new conflict(s) between groups.").format(
            signed=report.signed, joined=len(report.joined), new=len(report.new_groups),
            conflicts=len(report.conflicts)))
        self.changes.emit(MATCHED)

    def compare(self, claim_ids: list[int]) -> Task | None:
        """Why matching finds two claims one claim, a conflict or two claims (in a worker:
        it reads the database); the answer comes as a message."""
        if len(claim_ids) != 2:
            self.error.emit(self.tr("Select two claims to compare (Ctrl+click the second)."))
            return None
        db, (first, second) = self._db, claim_ids

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UnknownClaim):
                self.error.emit(self.tr("Cannot compare: {problem}.").format(problem=exc))
            else:
                self._task_failed(exc)

        def done(found: PairWhy) -> None:
            self.message.emit(found.text())

        self.compare_task = run_task(lambda _ctx: compare_stored(db, first, second),
                                     name="compare", on_result=done, on_error=failed,
                                     owner=self)
        return self.compare_task
