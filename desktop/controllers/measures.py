"""Changes to measures (#19): rename, merge, split and reference figures, one write off the GUI thread
each and one undo step, like the claim-group operations.

Undo of a rename, merge or split is ``storage.measure_edits.undo_measure_edit`` of the edit the
write returned; redo writes the same change again (a split again makes a new measure, whose
number the command then remembers). Undo of adding a reference figure deletes it; redo adds it
again. Writes run on the serial pool, so an action, its undo and its redo reach the database in
the order they were made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.changes import COUNTS
from desktop.controllers.base import Controller
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from storage import measure_edits
from storage.database import Database
from storage.errors import StorageError
from storage.measure_edits import MeasureEdit
from storage.measures import MeasureInputError, Reference

# Refused for a reason a person can act on (a sentence), or the measure changed meanwhile.
_USER_ERRORS = (StorageError, MeasureInputError, LookupError, ValueError)


@dataclass(frozen=True)
class ReferenceInput:
    """What the "Add reference figure" dialog collects (strings as typed; storage checks them)."""

    as_of: dt.date
    source_title: str
    value: str | None = None
    low: str | None = None
    high: str | None = None
    url: str | None = None
    publisher: str | None = None
    quote: str | None = None
    captured_on: dt.date | None = None


class _EditCommand(WrittenCommand):
    """Rename, merge or split: undo reverts the stored edit; redo writes it again."""

    def __init__(self, ops: MeasureOps, edit: MeasureEdit, redo: Callable[[Database, str], MeasureEdit],
                 text: str) -> None:
        super().__init__(text)
        self._ops = ops
        self._box = [edit]  # replaced on the worker by each redo (the serial pool keeps order)
        self._redo = redo

    def reapply(self) -> None:
        box, redo = self._box, self._redo

        def work(db: Database, actor: str) -> int:
            box[0] = redo(db, actor)
            return box[0].measure_id

        self._ops._write(work, self._ops.tr("Done again: {what}.").format(what=self.text()))

    def revert(self) -> None:
        box = self._box

        def work(db: Database, actor: str) -> int:
            measure_edits.undo_measure_edit(db, box[0], actor=actor)
            return box[0].measure_id

        self._ops._write(work, self._ops.tr("Undone: {what}.").format(what=self.text()))


class _ReferenceCommand(WrittenCommand):
    def __init__(self, ops: MeasureOps, reference: Reference, given: ReferenceInput,
                 text: str) -> None:
        super().__init__(text)
        self._ops, self._box, self._given = ops, [reference], given

    def reapply(self) -> None:
        box, given, measure_id = self._box, self._given, self._box[0].measure_id

        def work(db: Database, actor: str) -> int:
            box[0] = _add(db, measure_id, given, actor)
            return measure_id

        self._ops._write(work, self._ops.tr("The reference figure is back."))

    def revert(self) -> None:
        box = self._box

        def work(db: Database, actor: str) -> int:
            measure_edits.delete_reference(db, box[0].id, actor=actor)
            return box[0].measure_id

        self._ops._write(work, self._ops.tr("The reference figure was removed."))


def _add(db: Database, measure_id: int, given: ReferenceInput, actor: str) -> Reference:
    return measure_edits.add_reference(
        db, measure_id, as_of=given.as_of, source_title=given.source_title, value=given.value,
        low=given.low, high=given.high, url=given.url, publisher=given.publisher,
        quote=given.quote, captured_on=given.captured_on, actor=actor)


class MeasureOps(Controller):
    """The measures view's writes; ``changed`` says which measure to show and what happened."""

    changed = Signal(int, str)  # measure id to show afterwards, a sentence

    def __init__(self, db: Database, actor: Callable[[], str], undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.undo_stack = undo_stack

    def rename(self, measure_id: int, name: str) -> None:
        new = name.strip() or None

        def redo(db: Database, actor: str) -> MeasureEdit:
            return measure_edits.rename_measure(db, measure_id, new, actor=actor)

        self._edit(redo, self.tr("Rename measure"), self.tr("Measure renamed."))

    def merge(self, target_id: int, source_id: int) -> None:
        def redo(db: Database, actor: str) -> MeasureEdit:
            return measure_edits.merge_measures(db, target_id, source_id, actor=actor)

        self._edit(redo, self.tr("Merge measures"), self.tr(
            "Measure #{source} merged into #{target}.").format(source=source_id, target=target_id))

    def split(self, measure_id: int, claim_ids: list[int]) -> None:
        claims = list(claim_ids)

        def redo(db: Database, actor: str) -> MeasureEdit:
            return measure_edits.split_measure(db, measure_id, claims, actor=actor)

        self._edit(redo, self.tr("Split measure"), self.tr(
            "{n} claim(s) split out into a measure of their own.").format(n=len(claims)),
            show_new=True)

    def add_reference(self, measure_id: int, given: ReferenceInput,
                      on_error: Callable[[str], None] | None = None,
                      on_done: Callable[[], None] | None = None) -> None:
        """Store a reference figure; a refusal goes to ``on_error`` (the dialog) as a sentence."""
        actor = self._actor()
        text = self.tr("Add reference figure")

        def work(_ctx: Any) -> Reference:
            return _add(self._db, measure_id, given, actor)

        def done(reference: Reference) -> None:
            self.undo_stack.push(_ReferenceCommand(self, reference, given, text))
            self.changes.emit(COUNTS)
            self.changed.emit(measure_id, self.tr(
                "Reference figure added: every claim of the measure is compared with it."))
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, _USER_ERRORS):
                raise exc
            if on_error is not None:
                on_error(str(exc))
            else:
                self.error.emit(str(exc))

        run_task(work, name="measures.reference", on_result=done, on_error=failed, serial=True,
                 owner=self)

    # -- the shared write path ------------------------------------------------------------
    def _edit(self, redo: Callable[[Database, str], MeasureEdit], text: str, message: str,
              *, show_new: bool = False) -> None:
        actor = self._actor()

        def work(_ctx: Any) -> MeasureEdit:
            return redo(self._db, actor)

        def done(edit: MeasureEdit) -> None:
            self.undo_stack.push(_EditCommand(self, edit, redo, text))
            self.changes.emit(COUNTS)
            shown = edit.other_id if show_new and edit.other_id is not None else edit.measure_id
            self.changed.emit(shown, message)

        run_task(work, name="measures.edit", on_result=done, on_error=self._failed, serial=True,
                 owner=self)

    def _write(self, fn: Callable[[Database, str], int], message: str) -> None:
        actor = self._actor()

        def work(_ctx: Any) -> int:
            return fn(self._db, actor)

        def done(measure_id: int) -> None:
            self.changes.emit(COUNTS)
            self.changed.emit(measure_id, message)

        run_task(work, name="measures.write", on_result=done, on_error=self._failed,
                 serial=True, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, _USER_ERRORS):
            raise exc
        # The stack no longer describes the database: undoing would write the wrong thing.
        self.undo_stack.clear()
        self.error.emit(str(exc))
