"""Unsaved verdict edits when the reviewer leaves a claim group: ask, then save, discard or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.controllers.groups import VerdictOps
from desktop.verdict_editor import VerdictEditor
from storage.verdicts import VerdictDraft


class UnsavedVerdict(QObject):
    """Guards the verdict editor's unsaved edits for the group pane.

    Leaving a group (``leave_for``) or the pane for good (``settle``) with unsaved edits asks
    the reviewer; "save" waits for the save to land (or fail) before going on, "discard" goes on
    at once, "cancel" stays (``stayed``).
    """

    stayed = Signal(int)  # the reviewer stayed on this group
    groupRequested = Signal(int)  # saved: now show this group

    def __init__(self, editor: VerdictEditor, verdict_ops: VerdictOps,
                 group_id: Callable[[], int | None], show: Callable[[int | None], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = editor
        self._parent = parent
        self._group_id = group_id  # the group the pane shows
        self._show = show  # show a group without asking
        # Injectable: called with a callback taking "save", "discard" or "cancel" when the
        # reviewer leaves a group with unsaved verdict edits; tests answer without a dialog.
        self.ask: Callable[[Callable[[str], None]], None] = self._ask
        self.box: QMessageBox | None = None
        self._after_save: tuple[int, int | None] | None = None  # (saving group, then show)
        self._then_after_save: tuple[int, Callable[[], None]] | None = None
        verdict_ops.saved.connect(self._saved)
        verdict_ops.conflict.connect(lambda gid, _theirs: self._not_saved(gid))
        verdict_ops.error.connect(lambda _message: self._not_saved(None))

    def leave_for(self, group_id: int | None) -> None:
        """Show another group, first asking what to do with unsaved verdict edits."""
        current = self._group_id()
        if (current is not None and group_id != current and self.editor.group_id == current
                and not self.editor.saving and self.editor.is_dirty()):
            self.ask(lambda answer: self._answered(answer, current, group_id))
            return
        self._show(group_id)

    def _ask(self, answer: Callable[[str], None]) -> None:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Unsaved verdict"),
            self.tr("The verdict on claim group #{id} has changes you have not saved.").format(
                id=self._group_id()),
            buttons.Save | buttons.Discard | buttons.Cancel, self._parent)
        box.setInformativeText(self.tr("Save them first?"))
        box.setDefaultButton(buttons.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        names = {buttons.Save: "save", buttons.Discard: "discard"}
        box.finished.connect(lambda _r: answer(
            names.get(box.standardButton(box.clickedButton()), "cancel")))
        self.box = box
        box.open()  # window-modal without a nested event loop

    def has_unsaved(self) -> bool:
        return (self.editor.group_id is not None and not self.editor.saving
                and self.editor.is_dirty())

    def draft(self) -> tuple[int, VerdictDraft] | None:
        """The group and the draft of a verdict being edited and not saved, if any."""
        if not self.has_unsaved() or self.editor.group_id is None:
            return None
        try:
            return self.editor.group_id, self.editor.draft()
        except ValueError:  # a date the form cannot read: nothing that could be saved anyway
            return None

    def settle(self, then: Callable[[], None]) -> None:
        """Call ``then`` once unsaved verdict edits are saved or discarded; not if cancelled.

        For the routes that leave the pane for good (closing the window, opening another
        database): the reviewer is asked first, as when showing another group.
        """
        if not self.has_unsaved():
            then()
            return
        group_id = self.editor.group_id

        def answered(answer: str) -> None:
            if answer == "discard":
                then()
            elif answer == "save":
                self.editor.save()
                if self.editor.saving:
                    self._then_after_save = (group_id, then)

        self.ask(answered)

    def _answered(self, answer: str, current: int, target: int | None) -> None:
        if self._group_id() != current:
            return  # something else moved the pane meanwhile
        if answer == "discard":
            self._show(target)
            return
        if answer == "save":
            self.editor.save()
            if self.editor.saving:
                self._after_save = (current, target)
                return
        # Cancelled, or the form cannot be saved as it is (its message is shown).
        self.stayed.emit(current)

    def _saved(self, group_id: int, _version: int) -> None:
        if self._then_after_save is not None and self._then_after_save[0] == group_id:
            then, self._then_after_save = self._then_after_save[1], None
            then()
            return
        if self._after_save is None or self._after_save[0] != group_id:
            return
        _saved, target = self._after_save
        self._after_save = None
        if target is None:
            self._show(None)
        else:
            self.groupRequested.emit(target)

    def _not_saved(self, group_id: int | None) -> None:
        # Not saved (a conflict or an error is shown): whatever was to follow does not happen.
        if self._then_after_save is not None and group_id in (None, self._then_after_save[0]):
            self._then_after_save = None
        if self._after_save is not None and group_id in (None, self._after_save[0]):
            stay, self._after_save = self._after_save[0], None
            self.stayed.emit(stay)
