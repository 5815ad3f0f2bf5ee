"""Notice changes made to the open database from elsewhere (a command-line import, another
window, a colleague on the team server) and new backups, so the window refreshes by itself.

Every user action writes one audit entry (storage/audit.py), so the newest audit id and the
article count tell whether anything changed, on SQLite and PostgreSQL alike. On SQLite the
poll is cheaper still: ``PRAGMA data_version`` on a connection of its own changes only when
another connection committed, and the fingerprint is read only then. The work runs in a worker
(a server may be slow to answer); a poll is skipped while the previous one is still running.

On a team server the window does not wait for the next poll: every write transaction sends a
NOTIFY at its commit (storage.database), and a thread of its own LISTENs on a dedicated
connection (storage.change_feed) and asks for a poll at once. The poll stays, slower, as the
fallback (a notification lost with a dropped connection; a server that refused LISTEN polls
every ``interval_ms`` as before).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.tasks import Task, run_task
from storage.backup import list_backups
from storage.change_feed import ChangeListener, listen
from storage.database import Database
from storage.reads import latest_marks

POLL_MS = 2000
# While the server's notifications arrive, polling only catches what they could miss.
FALLBACK_POLL_MS = 30_000
_LISTEN_WAIT_S = 0.5  # how often the listening thread looks whether it should stop


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
    # From the listening thread (delivered on the GUI thread): a commit was announced.
    _announced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._last: Fingerprint | None = None
        self._version: int | None = None
        self._sqlite: sqlite3.Connection | None = None
        self._task: Task | None = None
        self._interval_ms = interval_ms
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)
        self._listener: ChangeListener | None = None
        self._listening: threading.Thread | None = None
        self._stop_listening = threading.Event()
        self._announced.connect(self._on_announced)
        self._again = False
        # A window deleted without stop(): the listening thread ends with it.
        self.destroyed.connect(self._stop_listening.set)

    @property
    def listening(self) -> bool:
        """Whether commits on the server are announced to this window as they happen."""
        return self._listening is not None and self._listening.is_alive()

    def start(self) -> None:
        self.poll()
        self._listener = listen(self._db)  # None on a file, or when the server refuses
        if self._listener is not None:
            self._stop_listening.clear()
            self._listening = threading.Thread(target=self._listen, args=(self._listener,),
                                               name="claimdesk-db-listen", daemon=True)
            self._listening.start()
            self._timer.setInterval(max(self._interval_ms, FALLBACK_POLL_MS))
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop_listening.set()
        if self._listening is not None:
            self._listening.join(4 * _LISTEN_WAIT_S)  # it closes its connection on its way out
            self._listening = None
        self._listener = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    def _listen(self, listener: ChangeListener) -> None:
        """The listening thread: a signal per announced commit (or burst of them)."""
        stop = self._stop_listening
        try:
            while not stop.is_set() and not listener.broken:
                if listener.wait(_LISTEN_WAIT_S) and not stop.is_set():
                    self._tell()
        finally:
            listener.close()
            if listener.broken and not stop.is_set():
                self._tell()  # the GUI thread goes back to polling every interval

    def _tell(self) -> None:
        try:
            self._announced.emit()
        except RuntimeError:  # the watcher was deleted meanwhile (its window closed)
            self._stop_listening.set()

    def _on_announced(self) -> None:
        if self._listener is not None and self._listener.broken:
            self._timer.setInterval(self._interval_ms)  # notifications stopped: poll as before
        if self._task is not None and self._task.is_running():
            self._again = True  # that poll may have read before this commit: one more after it
            return
        self.poll()

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
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.poll)
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
