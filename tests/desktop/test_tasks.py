"""The task helper: work runs off the GUI thread; progress, results and errors come back on it."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QThread

from desktop.tasks import TaskContext, run_task


def on_gui_thread() -> bool:
    return QThread.currentThread() is QCoreApplication.instance().thread()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    seen: dict = {"progress": [], "worker_thread": None}

    def work(ctx: TaskContext) -> int:
        seen["worker_thread"] = threading.current_thread()
        for i in range(3):
            ctx.progress(i, 3, f"step {i}")
        return 42

    def progressed(done: int, total: int, message: str) -> None:
        assert on_gui_thread()
        seen["progress"].append((done, total, message))

    def result(value: int) -> None:
        assert on_gui_thread()
        seen["result"] = value

    run_task(work, on_result=result, on_progress=progressed)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["progress"] == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]
    assert seen["worker_thread"] is not threading.main_thread()


def test_an_error_goes_to_on_error(qtbot):
    errors: list[BaseException] = []

    def work(_ctx: TaskContext) -> None:
        raise ValueError("the file is not an article")

    run_task(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "the file is not an article"


def test_cancel_is_seen_by_the_worker(qtbot):
    started = threading.Event()
    results: list[str] = []

    def work(ctx: TaskContext) -> str:
        started.set()
        deadline = time.monotonic() + 10
        while not ctx.cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "cancelled" if ctx.cancelled() else "ran out"

    task = run_task(work, on_result=results.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["cancelled"]


def test_serial_tasks_run_in_the_order_they_were_started(qtbot):
    order: list[int] = []
    done: list[int] = []
    for i in range(20):
        run_task(lambda _ctx, i=i: (time.sleep(0.001 * (20 - i)), order.append(i)),
                 on_result=lambda _r, i=i: done.append(i), serial=True)
    qtbot.waitUntil(lambda: len(done) == 20)
    assert order == list(range(20))


def test_run_with_progress_shows_the_work_and_its_cancel_stops_it(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton, QWidget

    from desktop.tasks import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    results: list[str] = []

    def work(ctx: TaskContext) -> str:
        ctx.progress(1, 4, "first.txt")
        started.set()
        deadline = time.monotonic() + 10
        while not ctx.cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "cancelled" if ctx.cancelled() else "ran out"

    dialog = run_with_progress("Importing articles", work, results.append, parent=parent,
                               cancelling="Stopping…")
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 4 and dialog.value() == 1)
    assert dialog.labelText() == "1 of 4: first.txt"
    dialog.findChild(QPushButton).click()
    assert dialog.labelText() == "Stopping…"
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["cancelled"] and not dialog.task.is_running()


def test_work_that_cannot_be_cancelled_gets_no_cancel_button(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from desktop.tasks import run_with_progress

    release = threading.Event()
    results: list[tuple[bool, bool]] = []

    def work(ctx: TaskContext) -> tuple[bool, bool]:
        return release.wait(10), ctx.cancelled()

    dialog = run_with_progress("Opening the database…", work, results.append,
                               cancellable=False, caption="Claimdesk",
                               modality=Qt.WindowModality.ApplicationModal)
    assert dialog.findChild(QPushButton) is None
    assert dialog.windowTitle() == "Claimdesk" and dialog.labelText() == "Opening the database…"
    dialog.canceled.emit()  # Escape or the window's close button: the work goes on
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(True, False)]
