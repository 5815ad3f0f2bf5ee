"""Run a function off the GUI thread and get its progress, result or error back on the GUI thread.

The one way the window does slow work (database pages, imports, later matching and export),
after Picard's ``util/thread.py``: ``run_task(fn)`` starts ``fn(context)`` on a QThreadPool and
returns a :class:`Task` whose signals fire on the GUI thread. Review writes use the serial pool
so that an accept, its undo and its redo reach the database in the order they were made.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")

_running: set[Task] = set()
_serial_pool: QThreadPool | None = None


class Cancelled(Exception):
    """Raised by :meth:`TaskContext.check` when the user pressed Cancel."""


class TaskContext:
    """What the worker function gets: a way to report progress and to notice a cancel."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def progress(self, done: int, total: int, message: str = "") -> None:
        # A signal emitted here is queued to the Task's own slot on the GUI thread.
        self._task._progress_from_worker.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled


class Notices(QObject):
    """Problems of no task in particular that the window says in its status bar."""

    # A server database could not be reached, or the connection dropped (team mode): not a
    # programming error, so said as a sentence instead of raised; the next action retries.
    connectionProblem = Signal(str)


_notices: Notices | None = None


def notices() -> Notices:
    global _notices
    if _notices is None:
        _notices = Notices()
    return _notices


def _is_connection_problem(exc: object) -> bool:
    from storage.errors import ServerConnectionLost, ServerUnavailable

    return isinstance(exc, ServerUnavailable | ServerConnectionLost)


class Task(QObject):
    """A running function; every public signal is emitted on the GUI thread."""

    progressed = Signal(int, int, str)  # done, total, message
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised, when run_task was given on_error
    finished = Signal()  # after succeeded or failed

    # Emitted from the worker thread; the receiving slots live on this GUI-thread object, so
    # Qt queues them to the GUI thread (a plain callable would run on the worker instead).
    _progress_from_worker = Signal(int, int, str)
    _done_from_worker = Signal(bool, object)

    def __init__(
        self, fn: Callable[[TaskContext], Any], name: str, owner: QObject | None = None
    ) -> None:
        super().__init__()
        self.name = name
        self._owner = owner
        self._fn = fn
        self._cancel = threading.Event()
        self._running = True
        self.handles_errors = False
        self._progress_from_worker.connect(self._relay_progress)
        self._done_from_worker.connect(self._relay_done)

    def cancel(self) -> None:
        self._cancel.set()

    def is_running(self) -> bool:
        return self._running

    def _run(self) -> None:
        # Worker thread.
        try:
            result = self._fn(TaskContext(self))
        except BaseException as exc:  # delivered to the GUI thread, never lost here
            if not isinstance(exc, Cancelled):
                log.debug("task %s failed", self.name, exc_info=True)
            self._done_from_worker.emit(False, exc)
        else:
            self._done_from_worker.emit(True, result)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(bool, object)
    def _relay_done(self, ok: bool, payload: object) -> None:
        self._running = False
        _running.discard(self)
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the widget that asked was closed and deleted meanwhile: nobody to tell
        if ok:
            self.succeeded.emit(payload)
        elif self.handles_errors:
            self.failed.emit(payload)
        elif not isinstance(payload, Cancelled):
            self.finished.emit()
            if _is_connection_problem(payload):
                notices().connectionProblem.emit(str(payload))
                return
            # Nobody handles errors of this task: it is a programming error, so let it reach
            # sys.excepthook (and fail the test) instead of vanishing with the worker.
            raise payload  # type: ignore[misc]
        self.finished.emit()


def serial_pool() -> QThreadPool:
    """A one-thread pool: tasks on it run one after another, in the order they were started."""
    global _serial_pool
    if _serial_pool is None:
        _serial_pool = QThreadPool()
        _serial_pool.setMaxThreadCount(1)
    return _serial_pool


def run_task(
    fn: Callable[[TaskContext], T],
    *,
    name: str = "",
    on_result: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    serial: bool = False,
    owner: QObject | None = None,
) -> Task:
    """Start ``fn(context)`` on a worker thread; callbacks run on the GUI thread.

    An error with no ``on_error`` is re-raised on the GUI thread (a programming error must
    not vanish with the worker), except a lost or unreachable database server, which goes to
    ``notices().connectionProblem``; a cancelled task without ``on_error`` just finishes. When
    ``owner`` is given and has been deleted by the time the task ends, nothing is delivered.
    Connect further slots to the returned task's signals before control returns to the event
    loop: results are delivered through it, never before.
    """
    task = Task(fn, name or getattr(fn, "__name__", "task"), owner)
    if on_result is not None:
        task.succeeded.connect(on_result)
    if on_error is not None:
        task.handles_errors = True
        task.failed.connect(on_error)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    _running.add(task)  # the pool holds no reference to the QObject; keep it alive until done
    pool = serial_pool() if serial else QThreadPool.globalInstance()
    pool.start(task._run)
    return task


def shut_down(timeout_ms: int = 30_000) -> bool:
    """Cancel every task and wait for the pools; True if all stopped within the timeout.

    Called before the database is closed, so no worker is left half-way in a transaction.
    """
    for task in list(_running):
        task.cancel()
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if _serial_pool is not None:
        done = _serial_pool.waitForDone(timeout_ms) and done
    return done


class TaskProgressDialog(QProgressDialog):
    """A progress dialog with Cancel for one long task; it closes itself when the task ends.

    Window-modal but shown with ``show()``, so nothing blocks (tests drive it like a user).
    """

    def __init__(self, task: Task, title: str, parent: QWidget | None = None,
                 cancelling: str = "", cancellable: bool = True, caption: str = "") -> None:
        super().__init__(parent)
        self.task = task
        self._cancelling = cancelling or self.tr("Cancelling after the current file…")
        self.setWindowTitle(caption or title)
        self.setLabelText(title)
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
            self.canceled.connect(self._cancel)
        else:  # work that is never left half-way (an open, a migration): no Cancel at all
            self.setCancelButton(None)
        self.setMinimumWidth(420)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # Short tasks finish before the dialog would appear; no flash.
        self.setMinimumDuration(400)
        self.setRange(0, 0)
        task.progressed.connect(self._show_progress)
        task.finished.connect(self._finish)

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, message: str) -> None:
        if total <= 0:  # a step whose length is not known: stay busy, say what it is doing
            if message:
                self.setLabelText(message)
            return
        self.setRange(0, total)
        self.setValue(done)
        if message:
            self.setLabelText(self.tr("{done} of {total}: {what}").format(
                done=done, total=total, what=message))

    @Slot()
    def _cancel(self) -> None:
        self.task.cancel()
        self.setLabelText(self._cancelling)

    @Slot()
    def _finish(self) -> None:
        self.reset()
        self.close()
        self.deleteLater()


def run_with_progress(
    title: str,
    fn: Callable[[TaskContext], T],
    on_result: Callable[[T], None] | None = None,
    cancellable: bool = True,
    *,
    parent: QWidget | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    name: str = "",
    owner: QObject | None = None,
    cancelling: str = "",
    modality: Qt.WindowModality = Qt.WindowModality.WindowModal,
    caption: str = "",
) -> TaskProgressDialog:
    """Start ``fn(context)`` as :func:`run_task` does, behind a progress dialog titled ``title``.

    The one way the window shows long work: the dialog follows ``context.progress``, offers
    Cancel when ``cancellable`` (saying ``cancelling`` once pressed) and closes itself when the
    task ends. ``caption`` is the dialog's window title when it differs from ``title``. Returns
    the dialog; its ``task`` is the running task.
    """
    task = run_task(fn, name=name or getattr(fn, "__name__", "task"), on_result=on_result,
                    on_error=on_error, owner=owner)
    dialog = TaskProgressDialog(task, title, parent, cancelling=cancelling,
                                cancellable=cancellable, caption=caption)
    dialog.setWindowModality(modality)
    return dialog
