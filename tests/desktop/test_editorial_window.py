"""#17.7-9 and the window's wiring of #17.5: a view switch never leaves another view's group
open, the merge dialog says what is true, changes made elsewhere refresh the counts by
themselves, and the Articles view edits an article."""

from __future__ import annotations

from sqlalchemy import select

from desktop.sidebar import View
from storage.articles import NewArticle, add_article
from storage.models import ClaimGroup, GroupConflict
from storage.schema import open_database


def _a_group(db) -> int:
    with db.read() as s:
        return s.execute(select(ClaimGroup.id).order_by(ClaimGroup.id)).scalars().first()


def test_switching_to_a_view_without_the_open_group_clears_the_pane(drive, db, qtbot):
    with db.read() as s:
        assert s.execute(select(GroupConflict.id)).first() is None  # no conflicting groups
    group_id = _a_group(db)
    drive.open_group(group_id)
    pane = drive.group_pane()
    drive.select_view(View.CONFLICTS)
    qtbot.waitUntil(lambda: pane.detail is None)
    assert drive.groups_list().current_id() is None
    drive.select_view(View.GROUPS)  # back: the list's first group is chosen and shown
    qtbot.waitUntil(lambda: pane.detail is not None
                    and pane.detail.id == drive.groups_list().current_id())


def test_the_merge_dialog_says_undo_works(drive, db, qtbot):
    drive.open_group(_a_group(db))
    dialog = drive.group_pane().open_merge_dialog()
    assert dialog is not None
    from PySide6.QtWidgets import QLabel

    intro = dialog.findChild(QLabel, "mergeIntro").text()
    assert "cannot be undone" not in intro and "Undo (Ctrl+Z) reverses the merge" in intro
    dialog.reject()


def test_an_import_from_elsewhere_updates_the_counts_without_f5(drive, db, qtbot, tmp_path):
    qtbot.waitUntil(lambda: drive.counts_text() != "")  # the first counts have loaded
    before = drive.counts_text()
    other = open_database(db.path)  # another process's connection, as `claimdesk import`
    try:
        with other.write() as s:
            add_article(s, NewArticle(outlet="Elsewhere", text="Stored by the command line.",
                                      content_hash="elsewhere-1"), [], actor="cli")
    finally:
        other.dispose()
    qtbot.waitUntil(lambda: drive.counts_text() != before, timeout=15_000)


def test_the_articles_view_opens_the_article_editor(drive, qtbot):
    drive.select_view(View.ARTICLES)
    panel = drive.articles_list()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    panel.table.selectRow(0)
    panel.edit_action.trigger()
    dialog = drive.article_edits().dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title.setText("Edited in the window")
    with qtbot.waitSignal(drive.article_edits().changes, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: any(row.title == "Edited in the window" for row in panel.model.rows()))
    assert drive.can_undo()


def test_inbox_marks_a_claim_accepted_since_loading_and_counts_agree(drive, qtbot):
    from PySide6.QtCore import Qt

    drive.select_view(View.INBOX)
    drive.wait_loaded()
    total = drive.total()
    drive.select_row(0)
    claim_id = drive.current_claim_id()
    proposed_colour = drive.cell(1, "sentence", Qt.ItemDataRole.ForegroundRole)
    drive.accept()
    qtbot.waitUntil(lambda: "decided" in drive.filters().showing.text())
    row = drive.row_of(claim_id)
    assert row is not None  # still listed until refresh …
    accepted_colour = drive.cell(row, "sentence", Qt.ItemDataRole.ForegroundRole)
    assert accepted_colour is not None and accepted_colour != proposed_colour  # … but green
    counts = drive.reload_counts()
    assert drive.filters().showing.text().startswith(f"{counts.proposed:,} claims (+1 decided")
    assert counts.proposed == total - 1


def test_a_claim_search_does_not_follow_into_articles_or_outlets(drive, qtbot):
    drive.search("Minsk")
    drive.select_view(View.ARTICLES)
    assert drive.search_text() == ""
    drive.search("ceasefire")
    drive.select_view(View.OUTLETS)
    assert drive.search_text() == ""


def test_appearance_rows_show_the_whole_sentence(drive, db, qtbot):
    drive.open_group(_a_group(db))
    table = drive.group_pane().table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    sentence_column = 2
    text = table.model().index(0, sentence_column).data()
    metrics = table.fontMetrics()
    table.horizontalHeader().setSectionResizeMode(sentence_column,
                                                  table.horizontalHeader().ResizeMode.Fixed)
    table.setColumnWidth(sentence_column, 160)  # narrow: the sentence needs several lines
    lines = metrics.horizontalAdvance(text) // 160
    assert lines >= 3
    qtbot.waitUntil(lambda: table.rowHeight(0) >= lines * metrics.lineSpacing())
