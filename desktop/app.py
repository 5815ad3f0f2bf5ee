"""Start the window: the QApplication, opening the database off the GUI thread, the event loop.

``DesktopSession`` owns the open database and its window. Opening another database builds a
new window on it and closes the old one (after its unsaved verdict is saved or discarded and
its workers have stopped): every part of a window belongs to exactly one database.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app_icon import app_icon
from desktop.appearance import apply_appearance
from desktop.controllers.databases import failed_open_box
from desktop.leftover_pickup import attach_leftover_pickup
from desktop.settings import Settings
from desktop.tasks import run_with_progress
from storage.backup import restore_backup, set_default_keep
from storage.database import Database, display_url, is_server_url
from storage.errors import StorageError
from storage.verdicts import VerdictDraft

APP_NAME = "Claimdesk"
EXIT_STORAGE_ERROR = 2
# Set to 1, the window quits right after it is first shown and prints how long after the
# process started that was (packaging/README.md: measuring the bundle's start-up).
STARTUP_PROBE_ENV = "CLAIMDESK_STARTUP_PROBE"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so that QSettings finds the same file on every start."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # The .desktop file's name, so Wayland compositors match the window to its launcher icon.
    app.setDesktopFileName("org.claimdesk.Claimdesk")
    app.setWindowIcon(app_icon())
    return app


def _wait_for(work: Any, label: str, parent: QWidget | None = None) -> Any:
    """Run ``work`` in a worker behind a busy indicator and return its result (or raise).

    An open, a migration or the first-run sample import takes seconds; the GUI thread must
    keep painting meanwhile, and nothing else may happen to the window until it is done.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    # Not cancellable: an open or a migration is never left half-way.
    progress = run_with_progress(
        label, work, lambda r: outcome.update(result=r), cancellable=False, parent=parent,
        on_error=lambda exc: outcome.update(error=exc), name="open_database",
        modality=Qt.WindowModality.ApplicationModal, caption=APP_NAME)
    task = progress.task
    task.finished.connect(loop.quit)
    if task.is_running():
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def open_with_progress(location: str | Path | None, parent: QWidget | None = None) -> Database:
    """Open (and if needed migrate, or on first run fill with samples) the database.

    ``location`` is a file path or a server address; None is the default database. Storage
    errors propagate.
    """

    def open_db(_ctx: Any) -> Database:
        from workflows.samples import open_chosen_database

        return open_chosen_database(location if location is None or isinstance(location, str)
                                    and "://" in location else Path(location))

    return _wait_for(open_db, QCoreApplication.translate("App", "Opening the database…"), parent)


class DesktopSession(QObject):
    """The open database and the window on it; replaces both when another is opened."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.window: Any = None  # desktop.main_window.MainWindow
        self.db: Database | None = None
        self.error_box: Any = None
        set_default_keep(self.settings.backup_keep)

    def show(self, db: Database) -> Any:
        from desktop.main_window import MainWindow

        self.db = db
        # A server is remembered without its password (libpq's ~/.pgpass or PGPASSWORD
        # supply it when the address is opened again from the recent list).
        self.settings.add_recent_database(str(db.path) if db.path is not None else db.location)
        window = MainWindow(db, self.settings)
        window.database_menu.openRequested.connect(self.switch_to)
        window.database_menu.continueInCopy.connect(self.continue_in_copy)
        window.appearanceChanged.connect(lambda: apply_appearance(self.settings.appearance))
        self.window = window
        window.show()
        # #20.10: claims a killed import left unmatched are matched now, in a worker.
        attach_leftover_pickup(window)
        return window

    def switch_to(self, location: str) -> None:
        """Open ``location`` in place of the current database, once the window may close."""
        old = self.window
        if old is None:
            return
        old.settle_unsaved(lambda: self._switch(location))

    def continue_in_copy(self, location: str) -> None:
        """Open a copy made because a write was refused, taking the unsaved verdict along
        (it cannot be saved where it is, so nobody is asked to save it first)."""
        if self.window is not None:
            self._switch(location, carry=self.window.group_pane.unsaved_verdict())

    def _switch(self, location: str, carry: Any = None) -> None:
        old, old_db = self.window, self.db
        shown = display_url(location) if is_server_url(location) else location
        if self.db is not None and shown in (str(self.db.path), self.db.location):
            old.statusBar().showMessage(old.tr("That database is already open."), 4000)
            return
        try:
            db = open_with_progress(location, old)
        except StorageError as exc:
            self.error_box = failed_open_box(exc, location, old, self._restore_then_open)
            self.error_box.open()
            return
        old.close_for_switch()
        old.deleteLater()
        if old_db is not None:
            old_db.dispose()
        window = self.show(db)
        if carry is not None:
            self._put_back(window, *carry)

    @staticmethod
    def _put_back(window: Any, group_id: int, draft: VerdictDraft) -> None:
        """Show unsaved verdict edits carried over from the window on another database."""
        window.group_pane.editor.put_back(group_id, draft)
        window.show_group(group_id)
        window.group_pane.tabs.setCurrentWidget(window.group_pane.editor)
        window.statusBar().showMessage(window.tr(
            "Your unsaved verdict on claim group #{id} was carried over: check it and save."
        ).format(id=group_id), 10000)

    def _restore_then_open(self, backup: Path, target: Path) -> None:
        try:
            _wait_for(lambda _ctx: restore_backup(backup, target),
                      QCoreApplication.translate("App", "Restoring the backup…"), self.window)
        except StorageError as exc:
            self.error_box = failed_open_box(exc, str(target), self.window,
                                             self._restore_then_open)
            self.error_box.open()
            return
        if self.window is None:
            self.show(open_with_progress(str(target)))
        else:
            self._switch(str(target))


def _offer_restore(exc: StorageError, location: str) -> str | None:
    """Tell why ``location`` did not open; restore its latest backup if the person asks.

    Returns the restored file to open instead, or None.
    """
    chosen: dict[str, Path] = {}
    box = failed_open_box(exc, location, None,
                          lambda backup, target: chosen.update(b=backup, t=target))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    box.exec()
    if not chosen:
        return None
    try:
        _wait_for(lambda _ctx: restore_backup(chosen["b"], chosen["t"]),
                  QCoreApplication.translate("App", "Restoring the backup…"))
    except StorageError as again:
        return _offer_restore(again, str(chosen["t"]))
    return str(chosen["t"])


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc, so the bundle's bootloader
    and the interpreter's own start are counted; elsewhere: since this module was imported)."""
    try:
        with open("/proc/self/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return (uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - _IMPORTED) * 1000


_IMPORTED = time.monotonic()


class _StartupProbe(QObject):
    """Prints the process age when the main window is first exposed, then quits."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.winId()  # creates the native window, so its handle exists before it is exposed
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            QTimer.singleShot(0, self._report)
        elif handle is not None:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._window.windowHandle().isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)  # after the first paint that the expose asks for
        return False

    def _report(self) -> None:
        print(f"startup: main window shown {process_age_ms():.0f} ms after the process started",
              flush=True)
        QApplication.instance().quit()


def run_app(db_path: Path | str | None) -> int:
    """Show the window on ``db_path`` (None: the default database, with samples on first run)."""
    app = create_application()
    session = DesktopSession()
    apply_appearance(session.settings.appearance)
    location = str(db_path) if db_path is not None else None
    while True:
        try:
            db = open_with_progress(location)
            break
        except StorageError as exc:
            # A sentence, not a traceback: the file is not ours, too new, or failed to
            # upgrade; its latest backup, if any, is offered in a new file.
            if location is None:
                from storage.paths import default_database_path

                location = str(default_database_path())
            location = _offer_restore(exc, location)
            if location is None:
                return EXIT_STORAGE_ERROR
    window = session.show(db)
    if os.environ.get(STARTUP_PROBE_ENV) == "1":
        _StartupProbe(window)
    try:
        return app.exec()
    finally:
        if session.db is not None:
            session.db.dispose()
