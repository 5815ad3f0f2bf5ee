"""The installed Qt binding keeps Python's reference counts right (PySide6 6.12.0 did not)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QThreadPool, Signal


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 1

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 1

    def data(self, index, role=0):
        return None


class _Emitter(QObject):
    flag = Signal(bool)


@contextmanager
def _quiet_interpreter() -> Iterator[None]:
    """Counting references to None is only meaningful while nothing else frees objects: no
    garbage collection and no leftover worker threads from earlier tests."""
    QThreadPool.globalInstance().waitForDone()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _loss(obj: object, action: Callable[[], None], times: int) -> int:
    with _quiet_interpreter():
        before = sys.getrefcount(obj)
        for _ in range(times):
            action()
        return before - sys.getrefcount(obj)


def test_returning_none_and_emitting_bools_keeps_their_reference_counts(qapp):
    # On Python 3.11 None and True are not immortal: a binding that forgets one incref per
    # call makes the interpreter abort ("deallocating None") after a few thousand calls.
    # A faulty binding loses one reference per call: 1,000 calls lose about 1,000.
    model = _Model()
    assert _loss(None, lambda: model.index(0, 0).data(), 1000) < 300

    emitter = _Emitter()
    got: list[bool] = []
    emitter.flag.connect(lambda value: got.append(value) or got.clear())
    assert _loss(True, lambda: emitter.flag.emit(True), 100) < 30


def test_running_python_on_the_thread_pool_keeps_reference_counts(qapp):
    pool = QThreadPool()

    def run_batch() -> None:
        for _ in range(1000):
            pool.start(lambda: None)
        pool.waitForDone()

    assert _loss(None, run_batch, 1) < 300
