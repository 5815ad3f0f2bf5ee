"""#17.9: the window notices writes made elsewhere (another process's connection) and new
backups, on its own, instead of waiting for F5."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from desktop.db_watch import DatabaseWatcher  # noqa: E402
from storage.articles import NewArticle, add_article  # noqa: E402
from storage.backup import make_backup  # noqa: E402
from storage.schema import open_database  # noqa: E402


def test_a_write_elsewhere_and_a_new_backup_are_noticed(qtbot, tmp_path):
    path = tmp_path / "desk.sqlite"
    window_db = open_database(path)
    watcher = DatabaseWatcher(window_db, interval_ms=50)
    try:
        watcher.start()
        qtbot.waitUntil(lambda: watcher._last is not None, timeout=10_000)
        other = open_database(path)  # what `claimdesk import` does: its own connection
        try:
            with qtbot.waitSignal(watcher.dataChanged, timeout=10_000) as changed, \
                    other.write() as s:
                add_article(s, NewArticle(outlet="Elsewhere", text="Imported by the CLI.",
                                          content_hash="cli-1"), [], actor="cli")
            assert changed.args == [True]  # an article came: lists need reloading
        finally:
            other.dispose()
        with qtbot.waitSignal(watcher.backupsChanged, timeout=10_000):
            make_backup(path, "manual")
    finally:
        watcher.stop()
        window_db.dispose()


def test_nothing_is_signalled_when_nothing_changes(qtbot, tmp_path):
    db = open_database(tmp_path / "quiet.sqlite")
    watcher = DatabaseWatcher(db, interval_ms=10**6)  # polled by hand below
    seen: list[bool] = []
    watcher.dataChanged.connect(seen.append)
    try:
        for _ in range(4):
            watcher.poll()
            qtbot.waitUntil(lambda: not watcher._task.is_running(), timeout=10_000)
            qtbot.wait(1)  # deliver the result
        assert watcher._last is not None and seen == []
    finally:
        watcher.stop()
        db.dispose()
