"""#17.9 on a team server: the window hears of a colleague's commit at once (LISTEN/NOTIFY on
a connection and thread of its own), without waiting for a poll; polling stays the fallback."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from desktop.db_watch import DatabaseWatcher  # noqa: E402
from storage.articles import NewArticle, add_article  # noqa: E402
from storage.schema import open_location  # noqa: E402


def test_a_commit_on_the_server_is_noticed_without_a_poll(qtbot, pg_url):
    window_db = open_location(pg_url)
    watcher = DatabaseWatcher(window_db, interval_ms=10**7)  # no poll during this test
    try:
        watcher.start()
        qtbot.waitUntil(lambda: watcher._last is not None, timeout=10_000)
        assert watcher.listening
        colleague = open_location(pg_url)
        try:
            with qtbot.waitSignal(watcher.dataChanged, timeout=10_000) as changed, \
                    colleague.write() as s:
                add_article(s, NewArticle(outlet="Sample: Wire", text="Stored by a colleague.",
                                          content_hash="colleague-1"), [], actor="colleague")
            assert changed.args == [True]
        finally:
            colleague.dispose()
    finally:
        watcher.stop()
        assert not watcher.listening
        window_db.dispose()
