"""Accepting and rejecting claims as undoable actions written off the GUI thread.

Each action is one transaction with one audit entry per claim, and one undo step whose undo
writes the previous statuses back through storage. Writes run on the serial task pool, so an action, its undo and its redo reach the database in
the order the reviewer made them. The undo step is pushed only after the write succeeded (as
Anki's operations do), so the stack never holds an action the database does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.changes import COUNTS
from desktop.controllers.base import Controller
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from storage.actions import Statuses, write_statuses
from storage.database import Database
from storage.errors import StorageError
from storage.models import ClaimStatus


class StatusCommand(WrittenCommand):
    """One accept/reject as an undo step."""

    def __init__(self, review: Review, before: Statuses, after: Statuses, text: str) -> None:
        super().__init__(text)
        self._review = review
        self.before = before
        self.after = after

    def reapply(self) -> None:
        self._review.write(self.after)

    def revert(self) -> None:
        self._review.write(self.before)


class Review(Controller):
    """The reviewer's status actions on claims, undoable through ``undo_stack``."""

    # {claim id: new status}, after the database holds it. Signal(object): a Signal(dict)
    # would be converted to a QVariantMap, which only has string keys.
    statusesChanged = Signal(object)

    def __init__(
        self, db: Database, actor: Callable[[], str], undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.undo_stack = undo_stack

    def set_status(self, claim_ids: Sequence[int], status: str) -> None:
        """Accept, reject or re-propose claims; a no-op change adds no undo step."""
        if not claim_ids:
            return
        status = ClaimStatus(status)
        text = self._describe(status, len(claim_ids))

        def pushed(before: Statuses, after: Statuses) -> None:
            if after:
                self.undo_stack.push(StatusCommand(self, before, after, text))

        self.write(dict.fromkeys(claim_ids, status.value), then=pushed)

    def write(
        self, targets: Mapping[int, str],
        then: Callable[[Statuses, Statuses], None] | None = None,
    ) -> None:
        actor = self._actor()
        targets = dict(targets)

        def done(result: tuple[Statuses, Statuses]) -> None:
            before, after = result
            if then is not None:
                then(before, after)
            if after:
                self.statusesChanged.emit(after)
                self.message.emit(self._summary(after))
                self.changes.emit(COUNTS)

        run_task(
            lambda _ctx: write_statuses(self._db, targets, actor=actor),
            name="review.write",
            on_result=done,
            on_error=self._write_failed,
            serial=True, owner=self)

    def _write_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StorageError):
            raise exc
        # The stack no longer describes the database: undoing would write the wrong statuses.
        self.undo_stack.clear()
        self.error.emit(str(exc))

    def _summary(self, changes: Statuses) -> str:
        labels = {ClaimStatus.ACCEPTED: self.tr("accepted"), ClaimStatus.REJECTED: self.tr("rejected"),
                  ClaimStatus.PROPOSED: self.tr("back to proposed")}
        statuses = set(changes.values())
        what = labels.get(statuses.pop(), "") if len(statuses) == 1 else self.tr("changed")
        return self.tr("{n} claim(s) {what}.").format(n=len(changes), what=what)

    def _describe(self, status: ClaimStatus, n: int) -> str:
        if status == ClaimStatus.ACCEPTED:
            return self.tr("Accept claim") if n == 1 else self.tr("Accept {n} claims").format(n=n)
        if status == ClaimStatus.REJECTED:
            return self.tr("Reject claim") if n == 1 else self.tr("Reject {n} claims").format(n=n)
        return self.tr("Re-propose claim") if n == 1 else self.tr("Re-propose {n} claims").format(n=n)
