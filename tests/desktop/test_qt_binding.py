"""The installed Qt binding keeps Python's reference counts right (PySide6 6.12.0 did not)."""

from __future__ import annotations

import sys

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


def test_returning_none_and_emitting_bools_keeps_their_reference_counts(qapp):
    # On Python 3.11 None and True are not immortal: a binding that forgets one incref per
    # call makes the interpreter abort ("deallocating None") after a few thousand calls.
    model = _Model()
    before = sys.getrefcount(None)
    for _ in range(500):
        model.index(0, 0).data()
    assert sys.getrefcount(None) - before > -50

    emitter = _Emitter()
    got: list[bool] = []
    emitter.flag.connect(got.append)
    got_before = sys.getrefcount(True)
    for _ in range(50):
        emitter.flag.emit(True)
    got.clear()
    assert sys.getrefcount(True) - got_before > -10


def test_running_python_on_the_thread_pool_keeps_reference_counts(qapp):
    pool = QThreadPool()
    before = sys.getrefcount(None)
    for _ in range(200):
        pool.start(lambda: None)
    pool.waitForDone()
    assert sys.getrefcount(None) - before > -50
