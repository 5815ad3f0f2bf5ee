"""#17.5 in the window: the Articles view edits an article's outlet, title, date…, with undo."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QUndoStack  # noqa: E402

from desktop.articles_view import ArticlesPanel  # noqa: E402
from desktop.controllers.article_edits import ArticleEdits  # noqa: E402
from storage.articles import UNKNOWN_OUTLET, NewArticle, add_article, article_metadata  # noqa: E402
from storage.schema import open_database  # noqa: E402


def test_edit_an_article_and_undo_it(qtbot, tmp_path):
    db = open_database(tmp_path / "desk.sqlite")
    try:
        with db.write() as s:
            aid = add_article(s, NewArticle(outlet=UNKNOWN_OUTLET, text="Body.", content_hash="a",
                                            title="Old"), [], actor="t")
        panel = ArticlesPanel(db)
        qtbot.addWidget(panel)
        stack = QUndoStack()
        edits = ArticleEdits(db, lambda: "Ana", stack, panel)
        panel.editRequested.connect(edits.open_dialog)
        panel.reload()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
        panel.select_id(aid)
        panel.edit_action.trigger()
        dialog = edits.dialog
        assert dialog is not None and dialog.outlet.currentText() == ""  # unknown: empty
        dialog.date.setText("yesterday-ish")
        dialog.accept()
        assert dialog.isVisible() and "is not a date" in dialog.error.text()
        dialog.outlet.setCurrentText("Kyiv Ledger")
        dialog.date.setText("2025-06-01")
        dialog.title.setText("New title")
        with qtbot.waitSignal(edits.changes, timeout=10_000):
            dialog.accept()

        def meta() -> dict:
            with db.read() as s:
                return article_metadata(s, aid)

        assert meta()["outlet"] == "Kyiv Ledger" and meta()["published"] == dt.date(2025, 6, 1)
        assert stack.count() == 1 and stack.undoText() == "Edit article #1"
        with qtbot.waitSignal(edits.changes, timeout=10_000):
            stack.undo()
        assert meta()["outlet"] == UNKNOWN_OUTLET and meta()["title"] == "Old"
        with qtbot.waitSignal(edits.changes, timeout=10_000):
            stack.redo()
        assert meta()["title"] == "New title"
    finally:
        db.dispose()
