"""A reviewer opens the window, searches, accepts and rejects claims with the keyboard, and undoes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.sidebar import View
from storage.models import AuditEntry, Claim, ClaimStatus


def status_of(db, claim_id: int) -> str:
    with db.read() as session:
        return session.get(Claim, claim_id).status


def audit_entries(db, claim_id: int) -> list[tuple]:
    """(action, actor, before, after) of a claim's audit entries, oldest first."""
    with db.read() as session:
        return [tuple(row) for row in session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.entity == "claim", AuditEntry.entity_id == claim_id)
            .order_by(AuditEntry.id)
        )]


def test_window_opens_on_the_inbox_with_every_proposed_claim(drive, db, qtbot):
    with db.read() as session:
        proposed = set(session.execute(
            select(Claim.id).where(Claim.status == ClaimStatus.PROPOSED)).scalars())
    assert proposed, "the test articles must give proposed claims"
    assert drive.current_view() == View.INBOX
    assert set(drive.shown_ids()) == proposed

    # The first claim is selected and its detail (sentence, source, article) is shown.
    first = drive.claim_at(0)
    drive.wait_claim_detail(first.id)
    pane = drive.claim_pane()
    assert pane.sentence.text() == first.sentence
    assert pane.outlet.text() == first.outlet
    article = pane.article.toPlainText()
    assert first.sentence in article
    selections = pane.article.extraSelections()  # keep the list: it owns the cursors
    assert selections[0].cursor.selectedText() == first.sentence

    qtbot.waitUntil(lambda: "3 articles" in drive.counts_text())
    assert f"{len(proposed)} proposed" in drive.counts_text()


def test_search_box_filters_the_claims_with_full_text_search(drive, qtbot):
    qtbot.keyClicks(drive.filters().search, "Minsk")
    drive.wait_loaded(lambda: drive.claim_filter().text == "Minsk")
    shown = drive.shown_claims()
    assert shown
    assert all("minsk" in c.sentence.lower() for c in shown)
    assert all(c.outlet != "Тестова правда" for c in shown)


def test_cyrillic_search_finds_the_ukrainian_claims(drive, qtbot):
    # QTest can only type ASCII; a Cyrillic keyboard layout delivers the text like this.
    search = drive.filters().search
    search.insert("територ")  # a prefix, lower case: FTS5 folds Cyrillic
    qtbot.keyClick(search, Qt.Key.Key_Return)
    drive.wait_loaded(lambda: drive.claim_filter().text == "територ")
    shown = drive.shown_claims()
    assert shown
    assert all(c.outlet == "Тестова правда" for c in shown)
    assert any("території" in c.sentence for c in shown)

    search.clear()
    drive.wait_loaded(lambda: drive.claim_filter().text == "")
    assert {c.outlet for c in drive.shown_claims()} > {"Тестова правда"}


def test_pressing_a_accepts_the_selected_claim_and_ctrl_z_puts_it_back(drive, db, qtbot):
    drive.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is drive.table)
    claim = drive.claim_at(0)
    drive.select_row(0)

    drive.accept()
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.ACCEPTED)
    assert audit_entries(db, claim.id) == [
        ("claim_accepted", "Test Reviewer", {"status": "proposed"}, {"status": "accepted"})
    ]
    # The table shows it, and the selection moved on to the next claim.
    qtbot.waitUntil(lambda: drive.claim_at(0).status == ClaimStatus.ACCEPTED)
    assert drive.current_claim_id() == drive.claim_at(1).id
    assert drive.can_undo()

    drive.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.PROPOSED)
    assert audit_entries(db, claim.id)[-1][:2] == ("claim_reproposed", "Test Reviewer")
    qtbot.waitUntil(lambda: drive.claim_at(0).status == ClaimStatus.PROPOSED)

    # Redo writes the acceptance again, as a new audit entry.
    drive.press(Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.ACCEPTED)
    assert [e[0] for e in audit_entries(db, claim.id)] == [
        "claim_accepted", "claim_reproposed", "claim_accepted"]


def test_pressing_r_rejects_and_the_accepted_and_rejected_views_list_them(drive, db, qtbot):
    drive.table.setFocus()
    first, second = drive.claim_at(0), drive.claim_at(1)
    drive.select_row(0)
    drive.reject()  # rejects the first, moves to the second
    drive.accept()
    qtbot.waitUntil(lambda: status_of(db, second.id) == ClaimStatus.ACCEPTED)
    assert status_of(db, first.id) == ClaimStatus.REJECTED

    drive.select_view(View.REJECTED)
    drive.wait_loaded(lambda: drive.claim_filter().status == ClaimStatus.REJECTED)
    assert drive.shown_ids() == [first.id]
    drive.select_view(View.ACCEPTED)
    drive.wait_loaded(lambda: drive.claim_filter().status == ClaimStatus.ACCEPTED)
    assert drive.shown_ids() == [second.id]


def test_accepting_several_selected_claims_is_one_undo_step(drive, db, qtbot):
    ids = drive.shown_ids()[:3]
    assert len(ids) == 3
    drive.table.selectRow(0)
    drive.table.setFocus()
    drive.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    drive.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(drive.selected_claim_ids()) == sorted(ids)

    drive.trigger("accept")
    qtbot.waitUntil(lambda: all(status_of(db, i) == ClaimStatus.ACCEPTED for i in ids))
    qtbot.waitUntil(lambda: drive.undo_count() == 1)
    assert drive.action("undo").text().replace("&", "") == "Undo Accept 3 claims"

    drive.undo()
    qtbot.waitUntil(lambda: all(status_of(db, i) == ClaimStatus.PROPOSED for i in ids))


def test_j_and_k_move_between_claims(drive, qtbot):
    drive.table.setFocus()
    drive.select_row(0)
    drive.press(Qt.Key.Key_J)
    assert drive.current_claim_id() == drive.claim_at(1).id
    drive.press(Qt.Key.Key_K)
    assert drive.current_claim_id() == drive.claim_at(0).id


def test_clicking_a_column_header_sorts_in_the_database(drive, db, qtbot):
    header = drive.header()
    score_column = drive.columns().index("score")
    header.setSortIndicator(score_column, Qt.SortOrder.DescendingOrder)
    drive.wait_loaded(lambda: drive.sort_order() == ("score", True))
    scores = [c.score for c in drive.shown_claims()]
    assert scores == sorted(scores, reverse=True)


def test_category_filter_lists_only_that_category(drive, db, qtbot):
    category = drive.filters().category
    qtbot.waitUntil(lambda: category.count() > 1)
    name = category.itemData(1)
    category.setCurrentIndex(1)
    drive.wait_loaded(lambda: drive.claim_filter().category == name)
    with db.read() as session:
        expected = session.execute(select(func.count()).select_from(Claim).where(
            Claim.category == name, Claim.status == ClaimStatus.PROPOSED)).scalar_one()
    assert drive.row_count() == expected
    assert {c.category for c in drive.shown_claims()} == {name}


def test_outlet_verdict_and_conflict_filters_and_their_columns(drive, db, qtbot):
    from sqlalchemy import insert

    from storage.groups import group_of_claim
    from storage.models import Article, GroupConflict, Outlet
    from storage.verdicts import VerdictDraft, save_verdict

    with db.read() as session:
        herald = session.execute(select(Outlet.id).where(Outlet.name == "Test Herald")).scalar_one()
        herald_claims = session.execute(
            select(Claim.id).join(Article).where(Article.outlet_id == herald)
            .order_by(Claim.id)).scalars().all()
    with db.write() as session:
        # Imports matched each claim into a group of its own (the outlets say different things).
        groups = {claim: group_of_claim(session, claim) for claim in herald_claims}
        rated, contradicted = herald_claims[0], herald_claims[1]
        group, other = groups[rated], groups[contradicted]
        assert None not in (group, other) and group != other
        session.execute(insert(GroupConflict).values(group_a=group, group_b=other))
        save_verdict(session, group, VerdictDraft(rating="misleading", summary="s"),
                     expected_version=None, actor="tester")
    drive.refresh()

    # The outlet filter lists the outlets the database holds.
    outlet = drive.filters().outlet
    qtbot.waitUntil(lambda: outlet.findData(herald) > 0)
    outlet.setCurrentIndex(outlet.findData(herald))
    drive.wait_loaded(lambda: drive.claim_filter().outlet_id == herald)
    assert sorted(drive.shown_ids()) == sorted(herald_claims)

    # The verdict filter: only the rated claim, its rating in the Verdict column as text.
    verdict = drive.filters().verdict
    verdict.setCurrentIndex(verdict.findData("misleading"))
    drive.wait_loaded(lambda: drive.claim_filter().rating == "misleading")
    assert drive.shown_ids() == [rated]
    assert drive.cell(0, "verdict") == "Misleading"
    assert drive.cell(0, "verdict", Qt.ItemDataRole.DecorationRole) is not None
    assert drive.cell(0, "conflict") == "⚠"
    assert "other figures" in drive.cell(0, "conflict", Qt.ItemDataRole.ToolTipRole)

    # Conflicts only, any verdict: both claims of the contradicting pair.
    verdict.setCurrentIndex(0)
    drive.filters().conflicts.setChecked(True)
    qtbot.waitUntil(lambda: drive.claim_filter().conflicts_only
                    and drive.claim_filter().rating is None
                    and not drive.is_loading())
    assert sorted(drive.shown_ids()) == sorted(
        c for c in herald_claims if groups[c] in (group, other))

    # The Outlets view picks its outlet from its own list: the combo steps aside.
    drive.select_view(View.OUTLETS)
    assert not outlet.isEnabled()
    drive.select_view(View.INBOX)
    assert outlet.isEnabled()


def test_the_header_menu_shows_the_columns_hidden_by_default(drive):
    header = drive.header()
    keys = drive.columns()
    assert header.isSectionHidden(keys.index("status"))
    assert header.isSectionHidden(keys.index("score"))
    assert not header.isSectionHidden(keys.index("verdict"))
    menu = drive.open_columns_menu()
    names = [a.text() for a in menu.actions()]
    assert names[:2] == ["Category", "Figures"] and "Conflict" in names  # words, not the sign
    score = next(a for a in menu.actions() if a.text() == "Score")
    assert not score.isChecked()
    score.trigger()
    assert not header.isSectionHidden(keys.index("score"))
    menu.close()


def test_show_claim_on_the_selected_claim_shows_it_again(drive, qtbot):
    """The table's current claim, while the detail shows another one (a chart point or a
    claim of the article opened it): "show claim" brings the selected claim back into the
    detail and the focus to its row, although the row itself does not change."""
    first, other = drive.shown_ids()[:2]
    drive.select_claim(first)
    detail = drive.window.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.id == first)
    detail.show_claim(other)
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.id == other)
    drive.window.show_claim(first)
    assert drive.current_claim_id() == first
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.id == first)
    assert drive.table.hasFocus()
