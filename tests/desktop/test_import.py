"""A reviewer brings articles in: a folder through the worker, a pasted article, a drop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import select

from desktop.sidebar import View
from ingest.pipeline import Outcome
from storage.models import Article, AuditEntry, Outlet

POLL = (
    "Title: Poll on talks\nOutlet: Folder Gazette\nDate: 2024-05-10\n---\n"
    "A poll by the Kyiv International Institute of Sociology found that 57 percent of "
    "Ukrainians reject any territorial concessions. In May 2022 the figure was 82 percent, "
    "the institute said.\n"
)
CASUALTIES = (
    "Title: Casualty estimates\nOutlet: Folder Gazette\nDate: 2024-06-01\n---\n"
    "The UN monitoring mission says at least 11,000 civilians have been killed since "
    "February 2022. Officials said the real number is likely to be considerably higher.\n"
)


def article_titles(db) -> list[str]:
    with db.read() as session:
        return list(session.execute(select(Article.title).order_by(Article.id)).scalars())


def test_importing_a_folder_runs_in_a_worker_and_reports_each_file(drive, db, qtbot, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "poll.txt").write_text(POLL, encoding="utf-8")
    (folder / "casualties.txt").write_text(CASUALTIES, encoding="utf-8")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")  # a line, rejected
    before = len(article_titles(db))

    task = drive.import_paths([folder])
    assert task is not None
    dialog = drive.import_results()
    assert dialog.isVisible() and not dialog.isModal()
    assert [(Path(r.source).name, r.outcome) for r in dialog.results] == [
        ("casualties.txt", Outcome.IMPORTED), ("notes.xyz", Outcome.REJECTED),
        ("poll.txt", Outcome.IMPORTED)]
    assert dialog.list.topLevelItemCount() == 3
    assert "2 imported" in dialog.summary.text() and "1 rejected" in dialog.summary.text()
    titles = article_titles(db)
    assert len(titles) == before + 2
    assert {"Poll on talks", "Casualty estimates"} <= set(titles)
    with db.read() as session:
        actors = set(session.execute(
            select(AuditEntry.actor).where(AuditEntry.action == "import_article")
            .order_by(AuditEntry.id.desc()).limit(2)).scalars())
    assert actors == {"Test Reviewer"}
    qtbot.waitUntil(lambda: "5 articles" in drive.counts_text())


def test_importing_the_same_folder_again_reports_duplicates(drive, db, qtbot, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "poll.txt").write_text(POLL, encoding="utf-8")
    drive.import_paths([folder])
    first = drive.import_results()
    count = len(article_titles(db))

    drive.import_paths([folder])
    again = drive.import_results(after=first, timeout=10_000)
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE]
    assert len(article_titles(db)) == count


def test_a_rejected_file_is_listed_with_its_reason(drive, qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    drive.import_paths([empty])
    dialog = drive.import_results()
    (result,) = dialog.results
    assert result.outcome == Outcome.REJECTED
    item = dialog.list.topLevelItem(0)
    assert item.text(0) == "Rejected" and "empty" in item.text(2)


def test_dropping_files_on_the_window_imports_them(drive, db, qtbot, tmp_path):
    path = tmp_path / "poll.txt"
    path.write_text(POLL, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    drive.drop(event)
    drive.import_results()
    assert "Poll on talks" in article_titles(db)


def test_paste_article_dialog_stores_the_article_in_a_worker(drive, db, qtbot):
    dialog = drive.paste_dialog()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # nothing to store yet

    dialog.outlet.setEditText("Pasted Post")
    qtbot.keyClicks(dialog.title, "Grain corridor figures")
    qtbot.keyClicks(dialog.published, "2023-07-17")
    qtbot.keyClicks(dialog.url, "https://example.org/grain")
    dialog.text.setPlainText(
        "Russia withdrew from the Black Sea Grain Initiative on 17 July 2023. Under the deal, "
        "more than 32 million tonnes of food were exported from Ukrainian ports, according "
        "to the United Nations."
    )
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def stored():
        with db.read() as session:
            return session.execute(
                select(Article.id, Article.published, Article.url, Outlet.name)
                .join(Outlet, Outlet.id == Article.outlet_id)
                .where(Article.title == "Grain corridor figures")).first()

    qtbot.waitUntil(lambda: stored() is not None)
    article = stored()
    assert article.published == dt.date(2023, 7, 17)
    assert article.url == "https://example.org/grain"
    assert article.name == "Pasted Post"
    # The window shows the new article with its claims.
    qtbot.waitUntil(lambda: drive.current_view() == View.ARTICLES
                    and drive.articles_list().current_id() == article.id)
    drive.wait_loaded(lambda: drive.claim_filter().article_id == article.id)
    assert {c.article_id for c in drive.shown_claims()} <= {article.id}


def test_paste_dialog_says_what_is_wrong_and_stays_open(drive, db, qtbot):
    dialog = drive.paste_dialog()
    dialog.text.setPlainText("Some text with 12 percent in it.")
    qtbot.keyClicks(dialog.published, "the day before yesterday-ish")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "date" in dialog.error.text()
    count = len(article_titles(db))
    dialog.reject()
    assert not dialog.isVisible()
    assert len(article_titles(db)) == count


def test_articles_view_lists_articles_and_narrows_the_claims(drive, db, articles, qtbot):
    drive.select_view(View.ARTICLES)
    panel = drive.articles_list()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert drive.browsing_sources()
    # Newest first; each row knows its outlet and claim count.
    rows = [panel.model.index(r, 0).data() for r in range(3)]
    assert rows == ["Скільки території контролює Росія", "How much of Ukraine is occupied",
                    "What Minsk II promised"]

    minsk = articles[1]
    assert panel.select_id(minsk)
    drive.wait_loaded(lambda: drive.claim_filter().article_id == minsk)
    shown = {c.article_id for c in drive.shown_claims()}
    assert shown == {minsk}
    claims_column = panel.model.index(panel.table.currentIndex().row(), 3).data()
    assert int(claims_column) == drive.row_count()


def test_outlets_view_lists_outlets_with_counts(drive, qtbot):
    drive.select_view(View.OUTLETS)
    panel = drive.outlets_list()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    by_name = {row.name: row for row in panel.model.rows()}
    assert set(by_name) == {"Test Herald", "Example Ledger", "Тестова правда"}
    assert all(row.articles == 1 for row in by_name.values())

    panel.select_id(by_name["Example Ledger"].id)
    drive.wait_loaded(lambda: drive.claim_filter().outlet_id == by_name["Example Ledger"].id)
    assert drive.row_count() == by_name["Example Ledger"].claims
    assert {c.outlet for c in drive.shown_claims()} == {"Example Ledger"}


def test_cancel_in_the_progress_dialog_stops_the_import_between_files(drive, db, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(
            f"Title: Note {i}\n---\nThe ministry said {i + 10} percent of the {i} villages "
            f"were shelled on day {i}.\n", encoding="utf-8")
    before = len(article_titles(db))

    drive.import_paths([folder])
    drive.import_progress().findChild(QPushButton).click()
    dialog = drive.import_results()

    results = dialog.results
    assert len(results) < 30
    assert "Cancelled" in dialog.summary.text()
    # Every file reported as imported is stored whole; nothing half-way.
    assert len(article_titles(db)) == before + sum(r.outcome == Outcome.IMPORTED for r in results)
