"""The window's part of ``claimdesk --self-test``: Qt's plugins load, the icon renders, the window
shows the claims of a database and paints.

A PyInstaller bundle that lost a Qt plugin still builds and starts; only showing a window (the
platform plugin) and rendering the SVG icon (the SVG image-format and icon-engine plugins) finds
out.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtGui import QGuiApplication, QIcon, QImageReader

from desktop import tasks
from desktop.app import create_application
from desktop.app_icon import app_icon
from desktop.settings import Settings
from resources import resource_path
from storage.database import Database


class WindowCheckFailed(Exception):
    """The window part of the self-test failed; the message is one sentence."""


def _wait(condition, timeout_s: float = 20.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


def check_icon() -> None:
    """The SVG icon renders through Qt's SVG plugins, and the application has it as its icon."""
    if b"svg" not in [bytes(f) for f in QImageReader.supportedImageFormats()]:
        raise WindowCheckFailed("Qt's SVG image plugin is missing")
    svg = QIcon(str(resource_path("icons", "claimdesk.svg")))
    if svg.pixmap(100, 100).isNull():
        raise WindowCheckFailed("the SVG application icon does not render (Qt's SVG icon plugin?)")
    if QGuiApplication.windowIcon().isNull() or app_icon().pixmap(48, 48).isNull():
        raise WindowCheckFailed("the application icon is not set")


def show_window_once(db: Database, work: Path) -> str:
    """Show the main window on ``db`` until it lists its claims and paints, then close it."""
    from desktop.main_window import MainWindow

    app = create_application()
    check_icon()
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(db, settings)
    try:
        window.show()
        handle = window.windowHandle()
        if not _wait(lambda: handle is not None and handle.isExposed()):
            raise WindowCheckFailed("the main window was never shown")
        model = window.claims_model
        if not _wait(lambda: not model.is_loading() and model.rowCount() > 0):
            raise WindowCheckFailed("the main window did not list the imported claims")
        if window.grab().isNull():
            raise WindowCheckFailed("the main window did not paint")
        claims = model.rowCount()
    finally:
        window.close()
        # Let what the close posted run (it may start a last background read) before the
        # pools are drained; otherwise a worker can finish after its task object is gone.
        _wait(lambda: False, 0.3)
        tasks.shut_down(10_000)
        window.deleteLater()
        QCoreApplication.processEvents()
    return (f"main window shown and painted on Qt's {app.platformName()} platform, "
            f"{claims} claims listed, icon renders")
