"""Start the window: the QApplication, opening the database off the GUI thread, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.tasks import run_task
from storage.database import Database
from storage.errors import StorageError

APP_NAME = "Claimdesk"
EXIT_STORAGE_ERROR = 2


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so that QSettings finds the same file on every start."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def open_with_progress(db_path: Path | None) -> Database:
    """Open (and if needed migrate, or on first run fill with samples) the database.

    It runs in a worker with a busy indicator: a migration or the first-run sample import
    takes seconds, and the GUI thread must keep painting meanwhile. Storage errors propagate.
    """

    def open_db(_ctx: Any) -> Database:
        from ingest.samples import open_chosen_database

        return open_chosen_database(db_path)

    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    task = run_task(
        open_db,
        name="open_database",
        on_result=lambda db: outcome.update(db=db),
        on_error=lambda exc: outcome.update(error=exc),
    )
    task.finished.connect(loop.quit)
    progress = QProgressDialog(
        QCoreApplication.translate("App", "Opening the database…"), "", 0, 0)
    progress.setWindowTitle(APP_NAME)
    progress.setCancelButton(None)  # an open or a migration is never left half-way
    progress.setMinimumDuration(500)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    if task.is_running():
        loop.exec()
    progress.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["db"]


def run_app(db_path: Path | None) -> int:
    """Show the window on ``db_path`` (None: the default database, with samples on first run)."""
    app = create_application()
    try:
        db = open_with_progress(db_path)
    except StorageError as exc:
        # A sentence, not a traceback: the file is not ours, too new, or failed to upgrade.
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Claimdesk cannot open the database"),
            str(exc),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return EXIT_STORAGE_ERROR

    from desktop.main_window import MainWindow

    window = MainWindow(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.dispose()
