"""Changes to claim groups and their verdicts: one write off the GUI thread each, undoable where
the storage API makes the way back plain.

Like ``review.py``: writes run on the serial task pool (an action, its undo and its redo reach
the database in order) and an undo step is pushed only after its write succeeded. Undo of
"Not the same"/"Split out" merges the split-off claim back (it returns as a *confirmed*
member); undo of moving an appearance to another group moves it back; undo of a verdict save re-saves the previous draft against the version this window
last wrote; undo of a confirmation puts the earlier decision back; undo of a merge brings the
merged-in group back (under a new number) with its members, decisions and verdict as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.changes import GROUPS, Changes
from desktop.controllers.base import Controller
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from matching.checked import after_verdict_change
from storage import actions
from storage.backup import make_backup
from storage.database import Database
from storage.errors import StorageError
from storage.groups import MergeRecord
from storage.models import MemberDecision
from storage.queries import VerdictState
from storage.verdict_rules import CorrectionNeedsReason
from storage.verdicts import (
    EvidenceItem,
    InvalidStatusChange,
    VerdictConflict,
    VerdictDraft,
)

# A change that could not be made because the group or claim changed meanwhile (LookupError,
# ValueError from storage) is a sentence for the reviewer, like a storage error.
_USER_ERRORS = (StorageError, LookupError, ValueError)


def draft_of(state: VerdictState | None) -> VerdictDraft:
    """The draft that re-saving would write back to ``state`` (an empty one for no verdict)."""
    if state is None:
        return VerdictDraft()
    return VerdictDraft(
        rating=state.rating, summary=state.summary, rationale=state.rationale,
        reviewer=state.reviewer,
        evidence=[EvidenceItem(e.title, e.publisher, e.url, e.published, e.quote, e.note)
                  for e in state.evidence],
    )


class _SplitCommand(WrittenCommand):
    """"Not the same" / "Split out": undo merges the claim's new group back into the old one."""

    def __init__(self, ops: GroupOps, group_id: int, claim_id: int, new_group: int,
                 split: bool, text: str) -> None:
        super().__init__(text)
        self._ops, self.group_id, self.claim_id = ops, group_id, claim_id
        self.new_group, self._split = new_group, split

    def reapply(self) -> None:
        self._ops._split(self.group_id, self.claim_id, self._split, then=self._moved)

    def _moved(self, new_group: int) -> None:
        self.new_group = new_group

    def revert(self) -> None:
        group_id, new_group = self.group_id, self.new_group
        self._ops._write(
            lambda db, actor: actions.merge_groups(db, group_id, new_group, actor=actor),
            group_id, self._ops.tr("The claim is back in claim group #{id}.").format(id=group_id))


class _ConfirmCommand(WrittenCommand):
    def __init__(self, ops: GroupOps, group_id: int, claim_id: int, before: str, text: str) -> None:
        super().__init__(text)
        self._ops, self.group_id, self.claim_id, self.before = ops, group_id, claim_id, before

    def reapply(self) -> None:
        group_id, claim_id = self.group_id, self.claim_id
        self._ops._write(lambda db, actor: actions.confirm_member(db, group_id, claim_id, actor=actor),
                         group_id, self._ops.tr("Match confirmed."))

    def revert(self) -> None:
        group_id, claim_id, before = self.group_id, self.claim_id, self.before
        self._ops._write(
            lambda db, actor: actions.restore_decision(db, group_id, claim_id, before, actor=actor),
            group_id, self._ops.tr("The match is no longer confirmed."))


class _MergeCommand(WrittenCommand):
    """Undo brings the merged-in group back; redo merges it (under its new number) again.

    The record is replaced inside the workers, which run in order on the serial pool, so a
    redo always names the group its undo made, however quickly they follow each other.
    """

    def __init__(self, ops: GroupOps, record: MergeRecord, text: str) -> None:
        super().__init__(text)
        self._ops = ops
        self._record = [record]

    def reapply(self) -> None:
        box, target = self._record, self._record[0].target_id

        def work(db: Database, actor: str) -> None:
            box[0] = actions.merge_groups(db, target, box[0].source_id, actor=actor)

        self._ops._write(work, target, self._ops.tr("The claim groups are merged again."),
                         backup="before-merge")

    def revert(self) -> None:
        box, target = self._record, self._record[0].target_id

        def work(db: Database, actor: str) -> None:
            box[0] = replace(box[0], source_id=actions.undo_merge(db, box[0], actor=actor))

        self._ops._write(work, target, self._ops.tr(
            "The merge was undone: the claims are back in a group of their own."))


class _MoveCommand(WrittenCommand):
    """An appearance dragged onto another group; undo moves it back the same way."""

    def __init__(self, ops: GroupOps, from_group: int, claim_id: int, to_group: int,
                 text: str) -> None:
        super().__init__(text)
        self._ops, self.from_group, self.claim_id, self.to_group = (
            ops, from_group, claim_id, to_group)

    def reapply(self) -> None:
        self._ops._move(self.from_group, self.claim_id, self.to_group)

    def revert(self) -> None:
        self._ops._move(self.to_group, self.claim_id, self.from_group)


class _SaveVerdictCommand(WrittenCommand):
    def __init__(self, ops: VerdictOps, group_id: int, before: VerdictDraft,
                 after: VerdictDraft, text: str) -> None:
        super().__init__(text)
        self._ops, self.group_id, self.before, self.after = ops, group_id, before, after

    def reapply(self) -> None:
        self._ops._save(self.group_id, self.after, self._ops.own_version.get(self.group_id))

    def revert(self) -> None:
        self._ops._save(self.group_id, self.before, self._ops.own_version.get(self.group_id))


class _Writer(Controller):
    """What both kinds of operation share: the actor, the stack, and turning errors into text."""

    def __init__(self, db: Database, actor: Callable[[], str], undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.undo_stack = undo_stack

    @property
    def db(self) -> Database:
        return self._db

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, _USER_ERRORS):
            raise exc
        # The stack no longer describes the database: undoing would write the wrong thing.
        self.undo_stack.clear()
        self.error.emit(str(exc) if isinstance(exc, StorageError) else self.tr(
            "The claim group changed meanwhile ({why}); the view was reloaded.").format(why=exc))


class GroupOps(_Writer):
    """Confirm, reject, split and merge, each one transaction and (where undoable) one step."""

    # (claim group id to show afterwards, a sentence saying what happened)
    changed = Signal(int, str)

    def confirm(self, group_id: int, claim_id: int) -> None:
        def pushed(before: str) -> None:
            if before != MemberDecision.CONFIRMED:
                self.undo_stack.push(_ConfirmCommand(self, group_id, claim_id, before,
                                                     self.tr("Confirm match")))

        self._write(lambda db, actor: actions.confirm_member(db, group_id, claim_id, actor=actor),
                    group_id, self.tr("Match confirmed."), then=pushed)

    def reject(self, group_id: int, claim_id: int, *, split: bool = False) -> None:
        text = self.tr("Split out claim") if split else self.tr("Not the same claim")

        def pushed(new_group: int) -> None:
            self.undo_stack.push(_SplitCommand(self, group_id, claim_id, new_group, split, text))

        self._split(group_id, claim_id, split, then=pushed)

    def merge(self, target_id: int, source_id: int) -> None:
        self._write(lambda db, actor: actions.merge_groups(db, target_id, source_id, actor=actor),
                    target_id, self.tr("Claim group #{source} merged into #{target}.").format(
                        source=source_id, target=target_id), backup="before-merge",
                    then=lambda record: self.undo_stack.push(
                        _MergeCommand(self, record, self.tr("Merge claim groups"))))

    def move(self, from_group: int, claim_id: int, to_group: int) -> None:
        """Move one appearance into another claim group (confirmed there), undoably."""
        self._move(from_group, claim_id, to_group, then=lambda _r: self.undo_stack.push(
            _MoveCommand(self, from_group, claim_id, to_group, self.tr("Move claim"))))

    def _move(self, from_group: int, claim_id: int, to_group: int,
              then: Callable[[Any], None] | None = None) -> None:
        self._write(
            lambda db, actor: actions.move_claim(db, from_group, claim_id, to_group, actor=actor),
            to_group, self.tr("The claim moved from claim group #{a} to #{b}.").format(
                a=from_group, b=to_group), then=then)

    def _split(self, group_id: int, claim_id: int, split: bool,
               then: Callable[[int], None] | None = None) -> None:
        write = actions.split_claim if split else actions.reject_member

        def done(new_group: int) -> None:
            if then is not None:
                then(new_group)
            self.changes.emit(GROUPS)  # before ``changed``: the window reloads first
            self.changed.emit(group_id, self.tr(
                "The claim now has a claim group of its own (#{id}).").format(id=new_group))

        actor = self._actor()

        def work(_ctx: Any) -> int:
            return write(self._db, group_id, claim_id, actor=actor)

        run_task(work, name="groups.split", on_result=done, on_error=self._failed,
                 serial=True, owner=self)

    def _write(self, fn: Callable[[Database, str], Any], show: int, message: str,
               then: Callable[[Any], None] | None = None, backup: str | None = None) -> None:
        actor, db_path = self._actor(), self._db.path

        def work(_ctx: Any) -> Any:
            if backup is not None and db_path is not None:  # a bulk change: a backup first
                make_backup(db_path, backup)
            return fn(self._db, actor)

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.changes.emit(GROUPS)
            self.changed.emit(show, message)

        run_task(work, name="groups.write", on_result=done,
                 on_error=self._failed, serial=True, owner=self)


class VerdictOps(_Writer):
    """Saving verdicts (undoable) and moving them along the workflow (not undoable)."""

    saved = Signal(int, int)  # claim group id, the verdict's new version
    # claim group id, the status asked for ("" for a save), the sentence saying why
    reasonNeeded = Signal(int, str, str)
    note = Signal(str)  # a one-time explanation from the editorial rules
    # claim group id, the values of whoever saved meanwhile (VerdictConflict.theirs)
    conflict = Signal(int, object)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The version of each verdict as this window last wrote it: what an undo or redo
        # expects to find (a save by someone else in between is then a conflict, as it must be).
        self.own_version: dict[int, int] = {}

    def save(self, group_id: int, before: VerdictState | None, draft: VerdictDraft,
             reason: str | None = None) -> None:
        expected = before.version if before is not None else None
        previous = draft_of(before)

        def pushed(_version: int) -> None:
            if reason:  # a published correction is on the record: it is not undone
                self.undo_stack.clear()
                return
            self.undo_stack.push(_SaveVerdictCommand(
                self, group_id, previous, draft, self.tr("Save verdict on #{id}").format(id=group_id)))

        self._save(group_id, draft, expected, then=pushed, reason=reason)

    def set_status(self, group_id: int, status: str, expected_version: int,
                   reason: str | None = None) -> None:
        actor = self._actor()
        notes: list[str] = []
        relooked: list[int] = []

        def work(_ctx: Any) -> int:
            version = actions.set_verdict_status(self._db, group_id, status,
                                                 expected_version=expected_version, actor=actor,
                                                 reason=reason, notes=notes)
            # The verdict entered or left the fact-check library: the Inbox markers follow.
            relooked.append(after_verdict_change(self._db, group_id))
            return version

        def done(version: int) -> None:
            self._written(group_id, version)
            if any(relooked):
                self.changes.emit(Changes(claims=True))
            for note in notes:
                self.note.emit(note)

        run_task(work, name="verdict.status", on_result=done,
                 on_error=lambda exc: self._error(group_id, exc, status=status), serial=True,
                 owner=self)

    def _save(self, group_id: int, draft: VerdictDraft, expected: int | None,
              then: Callable[[int], None] | None = None, reason: str | None = None) -> None:
        actor = self._actor()

        def work(_ctx: Any) -> int:
            return actions.save_verdict(self._db, group_id, draft, expected_version=expected,
                                        actor=actor, reason=reason)

        def done(version: int) -> None:
            if then is not None:
                then(version)
            self._written(group_id, version)

        run_task(work, name="verdict.save", on_result=done,
                 on_error=lambda exc: self._error(group_id, exc), serial=True, owner=self)

    def _written(self, group_id: int, version: int) -> None:
        self.own_version[group_id] = version
        self.changes.emit(GROUPS)
        self.saved.emit(group_id, version)

    def _error(self, group_id: int, exc: BaseException, status: str | None = None) -> None:
        if isinstance(exc, VerdictConflict):
            # Nothing was written: the stack still matches the database, keep it.
            self.conflict.emit(group_id, dict(exc.theirs))
            return
        if isinstance(exc, CorrectionNeedsReason):
            # Nothing was written: the editor asks for the reason and tries again (#17.2).
            self.reasonNeeded.emit(group_id, status or "", str(exc))
            return
        if isinstance(exc, InvalidStatusChange):
            # A rule refused the step before anything was written: say it, keep the stack.
            self.error.emit(str(exc))
            return
        self._failed(exc)
