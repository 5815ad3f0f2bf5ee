"""A reviewer opens the window, searches, accepts and rejects claims with the keyboard, and undoes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.sidebar import View
from storage.models import AuditEntry, Claim, ClaimStatus


def claim_ids_shown(window) -> list[int]:
    model = window.claims_model
    return [model.claim_at(row).id for row in range(model.rowCount())]


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


def wait_loaded(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.claims_model.is_loading())


def test_window_opens_on_the_inbox_with_every_proposed_claim(window, db, qtbot):
    with db.read() as session:
        proposed = set(session.execute(
            select(Claim.id).where(Claim.status == ClaimStatus.PROPOSED)).scalars())
    assert proposed, "the test articles must give proposed claims"
    assert window.sidebar.current_view() == View.INBOX
    assert set(claim_ids_shown(window)) == proposed

    # The first claim is selected and its detail (sentence, source, article) is shown.
    first = window.claims_model.claim_at(0)
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.id == first.id)
    assert window.detail.sentence.text() == first.sentence
    assert window.detail.outlet.text() == first.outlet
    article = window.detail.article.toPlainText()
    assert first.sentence in article
    selections = window.detail.article.extraSelections()  # keep the list: it owns the cursors
    assert selections[0].cursor.selectedText() == first.sentence

    qtbot.waitUntil(lambda: "3 articles" in window.counts_label.text())
    assert f"{len(proposed)} proposed" in window.counts_label.text()


def test_search_box_filters_the_claims_with_full_text_search(window, qtbot):
    qtbot.keyClicks(window.search, "Minsk")
    qtbot.waitUntil(lambda: not window.claims_model.is_loading()
                    and window.claims_model.filter().text == "Minsk")
    shown = [window.claims_model.claim_at(r) for r in range(window.claims_model.rowCount())]
    assert shown
    assert all("minsk" in c.sentence.lower() for c in shown)
    assert all(c.outlet != "Тестова правда" for c in shown)


def test_cyrillic_search_finds_the_ukrainian_claims(window, qtbot):
    # QTest can only type ASCII; a Cyrillic keyboard layout delivers the text like this.
    window.search.insert("територ")  # a prefix, lower case: FTS5 folds Cyrillic
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.claims_model.is_loading()
                    and window.claims_model.filter().text == "територ")
    shown = [window.claims_model.claim_at(r) for r in range(window.claims_model.rowCount())]
    assert shown
    assert all(c.outlet == "Тестова правда" for c in shown)
    assert any("території" in c.sentence for c in shown)

    window.search.clear()
    qtbot.waitUntil(lambda: window.claims_model.filter().text == ""
                    and not window.claims_model.is_loading())
    assert {c.outlet for c in map(window.claims_model.claim_at,
                                  range(window.claims_model.rowCount()))} > {"Тестова правда"}


def test_pressing_a_accepts_the_selected_claim_and_ctrl_z_puts_it_back(window, db, qtbot):
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    claim = window.claims_model.claim_at(0)
    window.select_row(0)

    qtbot.keyClick(window.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.ACCEPTED)
    assert audit_entries(db, claim.id) == [
        ("claim_accepted", "Test Reviewer", {"status": "proposed"}, {"status": "accepted"})
    ]
    # The table shows it, and the selection moved on to the next claim.
    qtbot.waitUntil(lambda: window.claims_model.claim_at(0).status == ClaimStatus.ACCEPTED)
    assert window.current_claim_id() == window.claims_model.claim_at(1).id
    assert window.undo_action.isEnabled()

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.PROPOSED)
    assert audit_entries(db, claim.id)[-1][:2] == ("claim_reproposed", "Test Reviewer")
    qtbot.waitUntil(lambda: window.claims_model.claim_at(0).status == ClaimStatus.PROPOSED)

    # Redo writes the acceptance again, as a new audit entry.
    qtbot.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: status_of(db, claim.id) == ClaimStatus.ACCEPTED)
    assert [e[0] for e in audit_entries(db, claim.id)] == [
        "claim_accepted", "claim_reproposed", "claim_accepted"]


def test_pressing_r_rejects_and_the_accepted_and_rejected_views_list_them(window, db, qtbot):
    window.table.setFocus()
    first, second = window.claims_model.claim_at(0), window.claims_model.claim_at(1)
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_R)  # rejects the first, moves to the second
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: status_of(db, second.id) == ClaimStatus.ACCEPTED)
    assert status_of(db, first.id) == ClaimStatus.REJECTED

    window.sidebar.set_view(View.REJECTED)
    qtbot.waitUntil(lambda: window.claims_model.filter().status == ClaimStatus.REJECTED
                    and not window.claims_model.is_loading())
    assert claim_ids_shown(window) == [first.id]
    window.sidebar.set_view(View.ACCEPTED)
    qtbot.waitUntil(lambda: window.claims_model.filter().status == ClaimStatus.ACCEPTED
                    and not window.claims_model.is_loading())
    assert claim_ids_shown(window) == [second.id]


def test_accepting_several_selected_claims_is_one_undo_step(window, db, qtbot):
    ids = claim_ids_shown(window)[:3]
    assert len(ids) == 3
    window.table.selectRow(0)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(window.selected_claim_ids()) == sorted(ids)

    window.accept_action.trigger()
    qtbot.waitUntil(lambda: all(status_of(db, i) == ClaimStatus.ACCEPTED for i in ids))
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    assert window.undo_action.text().replace("&", "") == "Undo Accept 3 claims"

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: all(status_of(db, i) == ClaimStatus.PROPOSED for i in ids))


def test_j_and_k_move_between_claims(window, qtbot):
    window.table.setFocus()
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.current_claim_id() == window.claims_model.claim_at(1).id
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert window.current_claim_id() == window.claims_model.claim_at(0).id


def test_clicking_a_column_header_sorts_in_the_database(window, db, qtbot):
    header = window.table.horizontalHeader()
    score_column = [key for key, _ in window.claims_model.COLUMNS].index("score")
    header.setSortIndicator(score_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.claims_model.sort_order() == ("score", True)
                    and not window.claims_model.is_loading())
    scores = [c.score for c in map(window.claims_model.claim_at,
                                   range(window.claims_model.rowCount()))]
    assert scores == sorted(scores, reverse=True)


def test_category_filter_lists_only_that_category(window, db, qtbot):
    qtbot.waitUntil(lambda: window.category.count() > 1)
    name = window.category.itemData(1)
    window.category.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.claims_model.filter().category == name
                    and not window.claims_model.is_loading())
    with db.read() as session:
        expected = session.execute(select(func.count()).select_from(Claim).where(
            Claim.category == name, Claim.status == ClaimStatus.PROPOSED)).scalar_one()
    assert window.claims_model.rowCount() == expected
    assert {window.claims_model.claim_at(r).category
            for r in range(window.claims_model.rowCount())} == {name}


def test_outlet_verdict_and_conflict_filters_and_their_columns(window, db, qtbot):
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
    window.refresh_all()

    # The outlet filter lists the outlets the database holds.
    outlet = window.filters.outlet
    qtbot.waitUntil(lambda: outlet.findData(herald) > 0)
    outlet.setCurrentIndex(outlet.findData(herald))
    qtbot.waitUntil(lambda: window.claims_model.filter().outlet_id == herald
                    and not window.claims_model.is_loading())
    assert sorted(claim_ids_shown(window)) == sorted(herald_claims)

    # The verdict filter: only the rated claim, its rating in the Verdict column as text.
    verdict = window.filters.verdict
    verdict.setCurrentIndex(verdict.findData("misleading"))
    qtbot.waitUntil(lambda: window.claims_model.filter().rating == "misleading"
                    and not window.claims_model.is_loading())
    assert claim_ids_shown(window) == [rated]
    columns = [key for key, _ in window.claims_model.COLUMNS]
    model = window.claims_model
    assert model.index(0, columns.index("verdict")).data() == "Misleading"
    assert model.index(0, columns.index("verdict")).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(0, columns.index("conflict")).data() == "⚠"
    assert "other figures" in model.index(0, columns.index("conflict")).data(
        Qt.ItemDataRole.ToolTipRole)

    # Conflicts only, any verdict: both claims of the contradicting pair.
    verdict.setCurrentIndex(0)
    window.filters.conflicts.setChecked(True)
    qtbot.waitUntil(lambda: window.claims_model.filter().conflicts_only
                    and window.claims_model.filter().rating is None
                    and not window.claims_model.is_loading())
    assert sorted(claim_ids_shown(window)) == sorted(
        c for c in herald_claims if groups[c] in (group, other))

    # The Outlets view picks its outlet from its own list: the combo steps aside.
    window.sidebar.set_view(View.OUTLETS)
    assert not outlet.isEnabled()
    window.sidebar.set_view(View.INBOX)
    assert outlet.isEnabled()


def test_the_header_menu_shows_the_columns_hidden_by_default(window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    header = window.table.horizontalHeader()
    keys = [key for key, _ in window.claims_model.COLUMNS]
    assert header.isSectionHidden(keys.index("status"))
    assert header.isSectionHidden(keys.index("score"))
    assert not header.isSectionHidden(keys.index("verdict"))
    window._columns_menu(QPoint(10, 5))
    menu = window.findChild(QMenu, "columnsMenu")
    names = [a.text() for a in menu.actions()]
    assert names[:2] == ["Category", "Figures"] and "Conflict" in names  # words, not the sign
    score = next(a for a in menu.actions() if a.text() == "Score")
    assert not score.isChecked()
    score.trigger()
    assert not header.isSectionHidden(keys.index("score"))
    menu.close()
