"""Making a claim from selected article text, and editing a claim's fields, as undoable actions.

Each action is one worker-thread transaction through ``storage.claims`` (audited there) and one
undo step, pushed only once the write succeeded. Storage cannot delete a claim, so undoing a
new claim rejects it (and redoing accepts it again).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.changes import CATEGORIES, COUNTS
from desktop.controllers.base import Controller
from desktop.controllers.review import Review
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from storage.database import Database
from storage.errors import StorageError
from storage.models import ClaimStatus
from workflows.measuring import edit_claim
from workflows.new_claim import create_claim

Fields = dict[str, Any]


class NewClaimCommand(WrittenCommand):
    """A claim made from a selection (storage cannot delete one: undo rejects it)."""

    def __init__(self, review: Review, claim_id: int, text: str) -> None:
        super().__init__(text)
        self._review = review
        self.claim_id = claim_id

    def reapply(self) -> None:
        self._review.write({self.claim_id: ClaimStatus.ACCEPTED.value})

    def revert(self) -> None:
        self._review.write({self.claim_id: ClaimStatus.REJECTED.value})


class EditCommand(WrittenCommand):
    """One save of a claim's fields; undo writes the values it replaced back."""

    def __init__(self, edits: ClaimEdits, claim_id: int, before: Fields, after: Fields,
                 text: str) -> None:
        super().__init__(text)
        self._edits = edits
        self.claim_id = claim_id
        self.before = before
        self.after = after

    def reapply(self) -> None:
        self._edits.write(self.claim_id, self.after, expected=self.before)

    def revert(self) -> None:
        self._edits.write(self.claim_id, self.before, expected=self.after)


class ClaimEdits(Controller):
    """New claims from selections and field edits, undoable through the review's stack."""

    created = Signal(int, int)  # claim id, article id: the claim is stored (accepted)
    edited = Signal(int, object)  # claim id, {field: new value}, once the database holds it

    def __init__(self, db: Database, actor: Callable[[], str], review: Review,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._review = review
        self.undo_stack: QUndoStack = review.undo_stack

    def create_from_selection(self, article_id: int, start: int, end: int) -> None:
        """Make a claim of ``text[start:end]`` (Python string offsets) of the article."""
        db, actor = self._db, self._actor()

        def done(claim_id: int | None) -> None:
            if claim_id is None:
                self.message.emit(self.tr("Select some words of the article first."))
                return
            self.undo_stack.push(NewClaimCommand(
                self._review, claim_id, self.tr("New claim from selection")))
            self.created.emit(claim_id, article_id)
            self.changes.emit(COUNTS)

        run_task(lambda _ctx: create_claim(db, article_id, start, end, actor=actor),
                 name="claims.create", on_result=done, on_error=self._write_failed,
                 serial=True, owner=self)

    def edit(self, claim_id: int, changes: Mapping[str, Any],
             expected: Mapping[str, Any] | None = None) -> None:
        """Save new values of a claim's fields; unchanged values add no undo step.

        ``expected``: the values the form showed (another window's change is not overwritten).
        """
        changes = dict(changes)

        def pushed(before: Fields) -> None:
            if before:
                after = {key: changes[key] for key in before}
                self.undo_stack.push(EditCommand(self, claim_id, before, after,
                                                 self.tr("Edit claim")))

        self.write(claim_id, changes, then=pushed, expected=expected)

    def write(self, claim_id: int, changes: Mapping[str, Any],
              then: Callable[[Fields], None] | None = None,
              expected: Mapping[str, Any] | None = None) -> None:
        db, actor, changes = self._db, self._actor(), dict(changes)

        def done(before: Fields) -> None:
            if then is not None:
                then(before)
            if before:
                self.edited.emit(claim_id, {key: changes[key] for key in before})
                if "category" in before:
                    self.changes.emit(CATEGORIES)

        run_task(lambda _ctx: edit_claim(db, claim_id, changes, actor=actor, expected=expected),
                 name="claims.edit", on_result=done, on_error=self._write_failed,
                 serial=True, owner=self)

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            # The stack no longer describes the database: undoing would write wrong values.
            self.undo_stack.clear()
            self.error.emit(str(exc))
        elif isinstance(exc, (LookupError, ValueError)):
            # The article or claim changed under the reviewer (deleted, re-imported).
            self.error.emit(self.tr("The claim was not saved: {why}").format(why=exc))
        else:
            raise exc
