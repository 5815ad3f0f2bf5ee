"""A team server announces each commit (NOTIFY in the write's own transaction) to a listener
on a connection of its own; a rolled-back write and a read announce nothing."""

from __future__ import annotations

import pytest

from storage.articles import NewArticle, add_article
from storage.change_feed import listen
from storage.schema import open_database, open_location


def _article(n: int) -> NewArticle:
    return NewArticle(outlet="Sample: Wire", text=f"Article {n} on the server.",
                      content_hash=f"feed-{n}")


def test_each_commit_is_announced_and_nothing_else(pg_url):
    db = open_location(pg_url)
    listener = listen(db)
    assert listener is not None
    try:
        assert not listener.wait(0.2)
        with db.write() as s:
            add_article(s, _article(1), [], actor="t")
        assert listener.wait(10)
        assert not listener.wait(0.3)  # one commit, one announcement

        with pytest.raises(RuntimeError), db.write() as s:
            add_article(s, _article(2), [], actor="t")
            raise RuntimeError("the write fails: rolled back")
        assert not listener.wait(0.5)
        with db.read() as s:
            s.connection().exec_driver_sql("SELECT count(*) FROM article").scalar()
        assert not listener.wait(0.5)

        for n in range(3, 8):  # a burst is taken as one
            with db.write() as s:
                add_article(s, _article(n), [], actor="t")
        assert listener.wait(10)
        assert not listener.wait(0.3)
    finally:
        listener.close()
        db.dispose()


def test_a_file_has_no_listener(tmp_path):
    db = open_database(tmp_path / "desk.sqlite")
    try:
        assert listen(db) is None
    finally:
        db.dispose()
