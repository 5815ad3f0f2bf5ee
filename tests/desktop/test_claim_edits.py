"""A reviewer makes a claim from selected article text, edits a claim, and narrows by date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from sqlalchemy import select

from desktop.article_text import python_offset, utf16_offset
from desktop.claims_model import category_label
from desktop.sidebar import View
from storage.models import Article, AuditEntry, Claim, ClaimOrigin, ClaimStatus
from tests.desktop.conftest import TERRITORY


def claim(db, claim_id: int) -> Claim:
    with db.read() as session:
        return session.get(Claim, claim_id)


def manual_claims(db) -> list[Claim]:
    with db.read() as session:
        return list(session.execute(
            select(Claim).where(Claim.origin == ClaimOrigin.MANUAL)).scalars())


def audit_actions(db, claim_id: int) -> list[str]:
    with db.read() as session:
        return list(session.execute(
            select(AuditEntry.action).where(AuditEntry.entity == "claim",
                                            AuditEntry.entity_id == claim_id)
            .order_by(AuditEntry.id)).scalars())


def open_claim_of(drive, text: str) -> None:
    """Select the first claim whose article contains ``text`` and wait for its detail."""
    claim = next(c for c in drive.shown_claims() if c.outlet == "Test Herald")
    drive.select_claim(claim.id)
    drive.wait_claim_detail(claim.id)
    assert text in drive.claim_pane().article.toPlainText()


def select_in_article(drive, start: int, end: int) -> None:
    text = drive.claim_detail().article_text
    article = drive.claim_pane().article
    cursor = article.textCursor()
    cursor.setPosition(utf16_offset(text, start))
    cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
    article.setTextCursor(cursor)


def test_qt_positions_convert_to_python_offsets_past_astral_characters():
    text = "a😀 Бахмут"
    for index in range(len(text) + 1):
        assert python_offset(text, utf16_offset(text, index)) == index


def test_new_claim_from_selection_is_stored_accepted_shown_and_undone(drive, db, qtbot):
    phrase = "The weather in Kyiv was mild"
    open_claim_of(drive, phrase)
    pane = drive.claim_pane()
    assert not pane.new_claim_button.isEnabled()
    start = TERRITORY.index(phrase)
    # A selection made by dragging often takes a blank on either side: it is trimmed.
    select_in_article(drive, start - 1, start + len(phrase))
    assert pane.new_claim_button.isEnabled()

    qtbot.mouseClick(pane.new_claim_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(manual_claims(db)) == 1)
    (made,) = manual_claims(db)
    with db.read() as session:
        article_text = session.get(Article, made.article_id).text
    assert made.sentence == phrase == article_text[made.start:made.end]
    assert made.status == ClaimStatus.ACCEPTED
    assert audit_actions(db, made.id) == ["claim_created"]

    # The window shows it, selected, among its article's claims.
    qtbot.waitUntil(lambda: drive.current_claim_id() == made.id)
    assert drive.current_view() == View.ARTICLES
    drive.wait_claim_detail(made.id)
    assert pane.sentence.text() == phrase

    # Storage cannot delete a claim: undo rejects it, redo accepts it again.
    drive.undo()
    qtbot.waitUntil(lambda: claim(db, made.id).status == ClaimStatus.REJECTED)
    drive.redo()
    qtbot.waitUntil(lambda: claim(db, made.id).status == ClaimStatus.ACCEPTED)


def test_n_key_makes_a_claim_of_the_selection(drive, db, qtbot):
    phrase = "most cafes were open"
    open_claim_of(drive, phrase)
    start = TERRITORY.index(phrase)
    select_in_article(drive, start, start + len(phrase))
    article = drive.claim_pane().article
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: [c.sentence for c in manual_claims(db)] == [phrase])


def test_editing_category_and_claimant_is_stored_and_undone(drive, db, qtbot):
    first = drive.claim_at(0)
    drive.wait_claim_detail(first.id)
    before = claim(db, first.id)
    assert before.category != "poll"
    detail = drive.claim_pane()
    assert not detail.save_button.isEnabled()

    detail.category.setCurrentIndex(detail.category.findData("poll"))
    detail.claimant.clear()
    qtbot.keyClicks(detail.claimant, "Jane Example")
    assert detail.save_button.isEnabled()
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: claim(db, first.id).category == "poll")
    assert claim(db, first.id).claimant == "Jane Example"
    assert audit_actions(db, first.id)[-1] == "claim_edited"
    # The table row and the detail pane show the saved values.
    qtbot.waitUntil(lambda: drive.claim_at(0).category == "poll")
    qtbot.waitUntil(lambda: detail.detail.category == "poll" and not detail.save_button.isEnabled())

    drive.undo()
    qtbot.waitUntil(lambda: claim(db, first.id).category == before.category)
    assert claim(db, first.id).claimant == before.claimant
    qtbot.waitUntil(lambda: detail.detail.category == before.category)
    assert detail.category.currentData() == before.category

    drive.redo()
    qtbot.waitUntil(lambda: claim(db, first.id).category == "poll")


def test_date_range_narrows_the_table(drive, qtbot):
    everything = drive.row_count()
    outlets = {c.outlet for c in drive.shown_claims()}
    assert "Example Ledger" in outlets  # the 2021 article

    filters = drive.filters()
    filters.date_from.setDate(QDate(2023, 1, 1))  # as if typed: applied after a pause
    drive.wait_loaded(lambda: drive.claim_filter().date_from == dt.date(2023, 1, 1))
    shown = drive.shown_claims()
    assert shown and len(shown) < everything
    assert all(c.published >= dt.date(2023, 1, 1) for c in shown)
    assert filters.any_date.isVisible()

    filters.set_date_range(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    drive.wait_loaded(lambda: drive.claim_filter().date_to == dt.date(2021, 12, 31))
    assert {c.outlet for c in drive.shown_claims()} == {"Example Ledger"}

    qtbot.mouseClick(filters.any_date, Qt.MouseButton.LeftButton)
    drive.wait_loaded(lambda: drive.claim_filter().date_from is None)
    assert drive.row_count() == everything
    assert filters.date_from.text() == "no limit"


def test_an_edit_over_another_windows_change_is_refused_not_applied(drive, db, qtbot):
    first = drive.claim_at(0)
    drive.wait_claim_detail(first.id)
    from storage.claims import edit

    with db.write() as session:  # another window or process changes the claimant meanwhile
        edit(session, first.id, {"claimant": "Someone Else"}, actor="other window")
    detail = drive.claim_pane()
    detail.claimant.clear()
    qtbot.keyClicks(detail.claimant, "Jane Example")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    drive.wait_message("changed meanwhile")
    assert "Someone Else" in drive.message()
    assert claim(db, first.id).claimant == "Someone Else"
    assert audit_actions(db, first.id).count("claim_edited") == 1


def test_the_article_tints_every_claim_by_category_and_marks_the_selected_one(drive, db, qtbot):
    from desktop.article_text import SELECTED, category_tint

    open_claim_of(drive, "Institute for the Study of War")
    detail = drive.claim_detail()
    others = [s for s in detail.article_claims if s.id != detail.id]
    assert detail.id in {s.id for s in detail.article_claims} and others
    article = drive.claim_pane().article
    text = detail.article_text
    by_start = {python_offset(text, sel.cursor.selectionStart()): sel
                for sel in article.extraSelections()}
    assert by_start[detail.start].format.background().color() == SELECTED
    for span in others:
        assert by_start[span.start].format.background().color() == category_tint(span.category)
    assert article.span_at(others[0].start).id == others[0].id
    assert article.span_at(detail.start).id == detail.id
    # The legend names each category shown, in words.
    legend = drive.claim_pane().legend.text()
    for span in detail.article_claims:
        assert category_label(span.category) in legend

    # A rejected claim is no longer tinted once the detail reloads.
    drive.select_row(next(r for r in range(drive.row_count())
                           if drive.claim_at(r).id == others[0].id))
    drive.wait_claim_detail(others[0].id)
    drive.reject()
    qtbot.waitUntil(lambda: claim_status(db, others[0].id) == ClaimStatus.REJECTED)
    drive.claim_pane().show_claim(detail.id)
    qtbot.waitUntil(lambda: drive.claim_detail().id == detail.id
                    and others[0].id not in {s.id for s in drive.claim_detail().article_claims})


def claim_status(db, claim_id: int) -> str:
    with db.read() as session:
        return session.get(Claim, claim_id).status


def test_double_clicking_another_claim_in_the_article_goes_to_it(drive, qtbot):
    open_claim_of(drive, "Institute for the Study of War")
    detail = drive.claim_detail()
    other = next(s for s in detail.article_claims if s.id != detail.id)
    article = drive.claim_pane().article
    text = detail.article_text
    cursor = article.textCursor()
    cursor.setPosition(utf16_offset(text, other.start + 2))
    article.setTextCursor(cursor)
    article.ensureCursorVisible()
    point = article.cursorRect(cursor).center()
    qtbot.mouseDClick(article.viewport(), Qt.MouseButton.LeftButton, pos=point)
    drive.wait_claim_detail(other.id)
    assert drive.current_claim_id() == other.id  # its row in the table is selected
