"""The one shape of a Claimdesk undo step: the change is already written when it is pushed."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class WrittenCommand(QUndoCommand):
    """QUndoStack.push() calls redo() at once; by then the worker has already stored the
    change, so that first call does nothing. Later redos call ``reapply``, undos ``revert``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._just_pushed = True

    def redo(self) -> None:
        if self._just_pushed:
            self._just_pushed = False
            return
        self.reapply()

    def undo(self) -> None:
        self.revert()

    def reapply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
