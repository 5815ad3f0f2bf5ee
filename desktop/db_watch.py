"""Notice changes made to the open database from elsewhere (a command-line import, another
window, a colleague on the team server) and new backups, so the window refreshes by itself.

Every user action writes one audit entry (storage/audit.py), so the newest audit id and the
article count tell whether anything changed, on SQLite and PostgreSQL alike. On SQLite the
poll is cheaper still: ``PRAGMA data_version`` on a connection of its own changes only when
another connection committed, and the fingerprint is read only then. The work runs in a worker
(a server may be slow to answer); a poll is skipped while the previous one is still running.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.tasks import Task, run_task
from storage.backup import list_backups
from storage.database import Database
from storage.reads import latest_marks

POLL_MS = 2000


@dataclass(frozen=True)
class Fingerprint:
    last_action: int
    articles: int
    newest_backup: float  # mtime, 0 when there is none


def _newest_backup(path: Path | None) -> float:
    if path is None:
        return 0.0
    backups = list_backups(path)
    try:
        return backups[0].stat().st_mtime if backups else 0.0
    except OSError:
        return 0.0


def read_fingerprint(db: Database) -> Fingerprint:
    last, articles = latest_marks(db)
    return Fingerprint(last, articles, _newest_backup(db.path))


class DatabaseWatcher(QObject):
    """Polls the database every ``interval_ms``; emits what changed since the last poll."""

    # Something was written (True when articles were added or removed: lists need reloading).
    dataChanged = Signal(bool)
    backupsChanged = Signal()

    def __init__(self, db: Database, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._last: Fingerprint | None = None
        self._version: int | None = None
        self._sqlite: sqlite3.Connection | None = None
        self._task: Task | None = None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    def _data_version(self) -> int | None:
        """SQLite's counter of commits by other connections (None on a server)."""
        if self._db.path is None:
            return None
        try:
            if self._sqlite is None:
                uri = f"{Path(self._db.path).resolve().as_uri()}?mode=ro"
                self._sqlite = sqlite3.connect(uri, uri=True, check_same_thread=False)
            return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def poll(self) -> None:
        if self._task is not None and self._task.is_running():
            return
        db = self._db

        def work(_ctx: Any) -> tuple[int | None, Fingerprint | None, float]:
            version = self._data_version()
            if version is not None and version == self._version and self._last is not None:
                return version, None, _newest_backup(db.path)  # no commit elsewhere
            return version, read_fingerprint(db), _newest_backup(db.path)

        self._task = run_task(work, name="watch_database", on_result=self._polled,
                              on_error=lambda _exc: None, owner=self)

    def _polled(self, found: tuple[int | None, Fingerprint | None, float]) -> None:
        version, now, backup = found
        self._version = version
        last = self._last
        if now is None:
            assert last is not None
            now = Fingerprint(last.last_action, last.articles, backup)
        self._last = now
        if last is None:
            return
        if now.newest_backup != last.newest_backup:
            self.backupsChanged.emit()
        if (now.last_action, now.articles) != (last.last_action, last.articles):
            self.dataChanged.emit(now.articles != last.articles)
