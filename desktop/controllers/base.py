"""What every window controller shares: the same three signals (message, error, changes)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Controller(QObject):
    """A window's operations on the database, reporting only through its signals.

    ``message``: a short sentence for the status bar; ``error``: a sentence for a message box
    (never a traceback); ``changes``: a ``desktop.changes.Changes`` of what it changed, for the
    window's ``on_changes``.
    """

    message = Signal(str)
    error = Signal(str)
    changes = Signal(object)
