"""#17.5 in storage, on every engine: an article's metadata is edited with an audit entry and
undone; the outlet of an article that names none is recognised where it can be."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from storage.articles import (
    UNKNOWN_OUTLET,
    ArticleEditError,
    NewArticle,
    add_article,
    article_metadata,
    edit_article,
    recognise_outlet,
    undo_article_edit,
)
from storage.models import AuditEntry, Outlet


def _article(db, outlet: str = UNKNOWN_OUTLET, text: str = "Some text.") -> int:
    with db.write() as s:
        return add_article(s, NewArticle(outlet=outlet, text=text, content_hash=text,
                                         title="Old title"), [], actor="t")


def test_edit_and_undo(db):
    aid = _article(db)
    with db.write() as s:
        edit = edit_article(s, aid, {"outlet": "Kyiv  Ledger", "title": "New title",
                                     "published": dt.date(2025, 3, 12), "author": "",
                                     "url": "https://kyivledger.example/a"}, actor="ana")
    assert edit.before == {"outlet": UNKNOWN_OUTLET, "title": "Old title", "published": None,
                           "url": None}
    with db.read() as s:
        assert article_metadata(s, aid) == {
            "title": "New title", "outlet": "Kyiv Ledger", "author": None,
            "published": dt.date(2025, 3, 12), "url": "https://kyivledger.example/a"}
        # The unknown outlet no longer has an article: it is gone from the outlet list.
        assert set(s.execute(select(Outlet.name)).scalars()) == {"Kyiv Ledger"}
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "article_edited")).scalar_one()
        assert entry.actor == "ana" and entry.after["outlet"] == "Kyiv Ledger"
    with db.write() as s:
        undo_article_edit(s, edit, actor="ana")
    with db.read() as s:
        assert article_metadata(s, aid)["outlet"] == UNKNOWN_OUTLET
        assert article_metadata(s, aid)["title"] == "Old title"
        assert "article_edit_undone" in s.execute(select(AuditEntry.action)).scalars().all()


def test_bad_edits_are_sentences(db):
    aid = _article(db)
    for changes, message in (({"outlet": "  "}, "cannot be made empty"),
                             ({"url": "javascript:alert(1)"}, "must start with http"),
                             ({"content": "x"}, "can be edited")):
        with pytest.raises(ArticleEditError, match=message), db.write() as s:
            edit_article(s, aid, changes, actor="ana")
    with pytest.raises(ArticleEditError, match="no article 999"), db.read() as s:
        article_metadata(s, 999)


def test_outlet_recognised_from_address_or_text(db):
    _article(db, "Sample: Northern Ledger", "Text one.")
    with db.write() as s:
        s.execute(Outlet.__table__.update().where(Outlet.name == "Sample: Northern Ledger")
                  .values(url="https://northern-ledger.example"))
    with db.read() as s:
        assert recognise_outlet(s, "https://www.northern-ledger.example/a/1", "x") == \
            "Sample: Northern Ledger"
        assert recognise_outlet(s, None, "By staff, Sample: Northern Ledger\nText.") == \
            "Sample: Northern Ledger"
        assert recognise_outlet(s, "https://www.kyivindependent.com/x", "Text") == \
            "kyivindependent.com"
        assert recognise_outlet(s, None, "Text.\nRead more at www.rferl.org/a/123") == "rferl.org"
        assert recognise_outlet(s, None, "See report.pdf and the U.S. figures.") is None
