"""The window's sentences to the reviewer: message boxes that do not block, and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from storage.errors import WriteRefused


def plain(label: QLabel) -> QLabel:
    """``label`` showing its text as it is: a file name, an article's words or a name holding
    markup (``<b>``, ``<img src=…>``) is never interpreted as rich text (#20.8)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class Messages(QObject):
    """Says things to the reviewer in ``window``; keeps the last message box for the tests."""

    def __init__(self, window: QMainWindow, save_copy: Callable[[], None] | None) -> None:
        super().__init__(window)
        self._window = window
        self._save_copy = save_copy  # None: the database has no file to copy
        self.box: QMessageBox | None = None

    def status(self, text: str, timeout_ms: int = 0) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    def error(self, message: str) -> None:
        """A sentence for the reviewer, without blocking the window (or a test)."""
        box = self._show(QMessageBox.Icon.Warning, message)
        if message.endswith(WriteRefused.ADVICE) and self._save_copy is not None:
            # The disk is full or read-only: offer the way out the sentence names.
            button = box.addButton(self.tr("Save a copy and continue there…"),
                                   QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(self._save_copy)

    def outcome(self, text: str) -> None:
        """What a long job did: its first line in the status bar, all of it in a box."""
        self.status(text.splitlines()[0], 10000)
        self._show(QMessageBox.Icon.Information, text)

    def _show(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Claimdesk"), text, QMessageBox.StandardButton.Ok,
                          self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowIcon(QIcon(self._window.windowIcon()))
        self.box = box
        box.open()
        return box
