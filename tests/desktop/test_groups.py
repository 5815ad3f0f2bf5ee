"""A fact-checker opens a claim's group, decides on its matches, writes and exports a verdict."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from desktop.controllers.exports import ExportKind, ExportRequest
from desktop.sidebar import View
from storage import verdicts
from storage.groups import group_of_claim
from storage.match_store import add_member
from storage.models import Claim, ClaimGroup, ClaimGroupMember, Evidence, Verdict
from storage.verdicts import VerdictDraft, save_verdict


@pytest.fixture
def group(db, articles) -> tuple[int, list[int]]:
    """A claim group of three claims from the three outlets, two of them matched automatically."""
    with db.write() as session:
        claims = [session.execute(select(Claim.id).where(Claim.article_id == a).order_by(Claim.id)
                                  ).scalars().first() for a in articles]
        first, *others = claims
        group_id = group_of_claim(session, first)
        for cid in others:
            old = group_of_claim(session, cid)
            session.execute(delete(ClaimGroupMember).where(ClaimGroupMember.claim_id == cid))
            if old is not None and old != group_id:
                session.execute(delete(ClaimGroup).where(ClaimGroup.id == old))
            add_member(session, group_id, cid, 0.81,
                       {"similarity": 0.81, "figures_agree": [["18 percent", "18 відсотків"]],
                        "figures_differ": []})
    return group_id, claims


def members(db, group_id: int) -> dict[int, str]:
    with db.read() as session:
        return dict(session.execute(
            select(ClaimGroupMember.claim_id, ClaimGroupMember.decision)
            .where(ClaimGroupMember.group_id == group_id)).all())


def verdict_row(db, group_id: int) -> Verdict | None:
    with db.read() as session:
        return session.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one_or_none()


def test_show_its_group_from_the_claim_detail_lists_every_appearance(drive, qtbot, group):
    group_id, claims = group
    drive.select_view(View.ALL)
    drive.wait_loaded(lambda: drive.row_of(claims[1]) is not None)
    drive.select_row(drive.row_of(claims[1]))
    drive.wait_claim_detail(claims[1])
    qtbot.mouseClick(drive.claim_pane().show_group, Qt.MouseButton.LeftButton)
    pane = drive.group_pane()
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == group_id)
    assert drive.current_view() == View.GROUPS
    assert [a.claim_id for a in pane.appearances.rows()] != []
    assert {a.claim_id for a in pane.appearances.rows()} == set(claims)
    assert {a.outlet for a in pane.appearances.rows()} == {
        "Test Herald", "Example Ledger", "Тестова правда"}
    assert "3 outlet(s)" in pane.meta.text()
    pane.select_claim(claims[2])
    assert "figures agree: 18 percent = 18 відсотків" in pane.why.text()
    assert "81%" in pane.why.text()


def test_confirm_a_match_and_reject_another_then_undo_the_rejection(drive, db, qtbot, group):
    group_id, (_first, second, third) = group
    drive.open_group(group_id)
    pane = drive.group_pane()

    assert pane.select_claim(second)
    qtbot.mouseClick(pane.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: members(db, group_id).get(second) == "confirmed")
    qtbot.waitUntil(lambda: not pane.confirm_button.isEnabled())  # reloaded: already confirmed

    assert pane.select_claim(third)
    qtbot.mouseClick(pane.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: members(db, group_id).get(third) == "rejected")
    with db.read() as session:
        elsewhere = group_of_claim(session, third)
    assert elsewhere not in (None, group_id)
    qtbot.waitUntil(lambda: third not in {a.claim_id for a in pane.appearances.rows()})
    qtbot.waitUntil(lambda: drive.undo_count() == 2)  # the confirmation, the rejection

    drive.undo()  # the claim comes back, as a confirmed match
    qtbot.waitUntil(lambda: members(db, group_id).get(third) == "confirmed")
    with db.read() as session:
        assert session.get(ClaimGroup, elsewhere) is None

    drive.undo()  # the confirmation is taken back: an automatic match again
    qtbot.waitUntil(lambda: members(db, group_id).get(second) == "auto")
    drive.redo()
    qtbot.waitUntil(lambda: members(db, group_id).get(second) == "confirmed")


def test_write_a_verdict_save_undo_and_send_it_to_review(drive, db, qtbot, group):
    group_id, _claims = group
    drive.open_group(group_id)
    editor = drive.verdict_editor(show=True)

    editor.rating.setCurrentIndex(editor.rating.findData("mostly_false"))
    qtbot.keyClicks(editor.summary, "The share was 18 percent, not 20")
    editor.rationale.setPlainText("ISW maps show 18 percent.")
    qtbot.mouseClick(editor.add_evidence, Qt.MouseButton.LeftButton)
    for column, value in enumerate(("ISW map", "ISW", "https://example.org/isw", "2023-03-01",
                                    "about 18 percent", "daily update")):
        editor.evidence.item(0, column).setText(value)
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: verdict_row(db, group_id) is not None)
    v = verdict_row(db, group_id)
    assert (v.rating, v.summary, v.rationale, v.reviewer, v.status, v.version) == (
        "mostly_false", "The share was 18 percent, not 20", "ISW maps show 18 percent.",
        "Test Reviewer", "draft", 1)
    with db.read() as session:
        evidence = session.execute(select(Evidence).where(Evidence.verdict_id == v.id)).scalars().all()
        assert [(e.title, e.url, e.published.isoformat(), e.quote) for e in evidence] == [
            ("ISW map", "https://example.org/isw", "2023-03-01", "about 18 percent")]
    qtbot.waitUntil(lambda: editor.state is not None and editor.state.version == 1)
    assert editor.history.topLevelItemCount() == 1

    editor.summary.setText("Changed my mind")
    editor.rating.setCurrentIndex(editor.rating.findData("false"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: verdict_row(db, group_id).version == 2)
    qtbot.waitUntil(lambda: editor.state is not None and editor.state.version == 2)

    drive.undo()  # re-saves the previous draft against version 2
    qtbot.waitUntil(lambda: verdict_row(db, group_id).version == 3)
    v = verdict_row(db, group_id)
    assert (v.rating, v.summary) == ("mostly_false", "The share was 18 percent, not 20")
    qtbot.waitUntil(lambda: editor.state is not None and editor.state.version == 3
                    and editor.summary.text() == "The share was 18 percent, not 20")

    button = editor.status_buttons["in_review"]
    qtbot.waitUntil(button.isEnabled)
    assert not editor.status_buttons["published"].isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: verdict_row(db, group_id).status == "in_review")
    qtbot.waitUntil(lambda: editor.status_buttons["approved"].isEnabled())


def test_a_save_after_someone_else_saved_shows_their_version_and_reloads(drive, db, qtbot, group):
    group_id, _claims = group
    with db.write() as session:
        save_verdict(session, group_id, VerdictDraft(rating="true", summary="First take"),
                     expected_version=None, actor="Test Reviewer")
    drive.open_group(group_id)
    editor = drive.verdict_editor(show=True)
    qtbot.waitUntil(lambda: editor.state is not None and editor.summary.text() == "First take")

    with db.write() as session:  # a colleague saves meanwhile, from another machine
        save_verdict(session, group_id, VerdictDraft(rating="false", summary="Their take",
                                                     reviewer="Olena"),
                     expected_version=1, actor="Olena")
    editor.summary.setText("My take")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.conflict_box.isVisible)
    text = editor.conflict_text.text()
    assert "Olena" in text and "Their take" in text and "False" in text
    assert verdict_row(db, group_id).summary == "Their take"
    assert editor.summary.text() == "My take"  # nothing typed is lost

    qtbot.mouseClick(editor.conflict_reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.summary.text() == "Their take")
    assert not editor.conflict_box.isVisible()
    assert editor.rating.currentData() == "false"


def test_export_csv_from_the_menu_writes_every_claim(drive, db, qtbot, group, tmp_path: Path):
    out = tmp_path / "groups.csv"
    asked = []

    def answer(kind, suggested, done):
        asked.append((kind, suggested))
        done(ExportRequest(kind, out, "all", open_after=True))

    opened = []
    drive.exports().ask_export = answer
    drive.exports().open_file = opened.append
    drive.trigger("export_csv")
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: opened == [out.resolve()])
    assert asked[0][0] == ExportKind.CSV and asked[0][1].suffix == ".csv"
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    with db.read() as session:
        grouped = set(session.execute(select(ClaimGroupMember.claim_id).where(
            ClaimGroupMember.decision != "rejected")).scalars())
    assert {int(r["claim_id"]) for r in rows if r["claim_id"]} == grouped
    assert any(r["outlet"] == "Тестова правда" for r in rows)
    drive.wait_status("CSV written")


def test_run_matching_reports_what_it_did(drive, qtbot):
    task = drive.start_matching()
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running(), timeout=20_000)
    drive.wait_status("Matching finished")
    assert drive.action("matching").shortcuts()[0].toString() == "Ctrl+M"


def test_preferences_are_saved_through_the_settings(drive, qtbot, settings, tmp_path):
    dialog = drive.open_preferences()
    dialog.reviewer.setText("Iryna  Koval")
    dialog.organisation.setText("Desk of Facts")
    dialog.export_dir.setText(str(tmp_path))
    dialog.accept()
    assert settings.reviewer_name == "Iryna Koval"
    assert settings.organisation == "Desk of Facts"
    assert settings.export_dir == tmp_path
    assert drive.exports().publisher().organisation == "Desk of Facts"
    assert drive.exports().suggested_path(ExportKind.CSV).parent == tmp_path


@pytest.fixture
def second_group(db, group) -> int:
    """Another claim group: that of a claim outside the first group."""
    group_id, claims = group
    with db.write() as session:
        grouped = set(session.execute(select(ClaimGroupMember.claim_id).where(
            ClaimGroupMember.group_id == group_id)).scalars())
        other = session.execute(select(Claim.id).where(Claim.id.not_in(grouped))
                                .order_by(Claim.id)).scalars().first()
        return group_of_claim(session, other)


def test_leaving_a_group_with_an_unsaved_verdict_asks_first(drive, db, qtbot, group, second_group):
    group_id, _claims = group
    drive.open_group(group_id)
    pane, editor, groups = drive.group_pane(), drive.verdict_editor(), drive.groups_list()
    qtbot.waitUntil(lambda: groups.select_id(group_id))
    asked: list = []
    answers = ["cancel", "save"]
    pane.ask_unsaved = lambda answer: (asked.append(answer), answer(answers.pop(0)))
    qtbot.keyClicks(editor.summary, "Half true")

    # Choosing another group in the list asks; Cancel stays with the edits kept.
    assert groups.select_id(second_group)
    assert len(asked) == 1
    assert pane.group_id() == group_id and editor.summary.text() == "Half true"
    assert groups.current_id() == group_id

    # Save stores the verdict, then shows the other group.
    assert groups.select_id(second_group)
    assert len(asked) == 2
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == second_group)
    assert verdict_row(db, group_id).summary == "Half true"
    qtbot.wait(200)  # the list's reload after the save must not take the reviewer back
    assert pane.group_id() == second_group
    assert groups.current_id() == second_group

    # Discard shows the chosen group and stores nothing.
    qtbot.keyClicks(editor.summary, "Unsure")
    pane.ask_unsaved = lambda answer: answer("discard")
    assert groups.select_id(group_id)
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == group_id)
    assert verdict_row(db, second_group) is None
    assert editor.summary.text() == "Half true"


def test_a_refresh_of_the_group_being_edited_keeps_unsaved_verdict_edits(drive, db, qtbot, group):
    group_id, _claims = group
    drive.open_group(group_id)
    editor = drive.verdict_editor(group_id)
    editor.summary.setText("Half-written summary")
    history_before = editor.history.topLevelItemCount()
    with db.write() as session:  # something else changes the verdict's history meanwhile
        save_verdict(session, group_id, VerdictDraft(rating="true", summary="Other"),
                     expected_version=None, actor="Olena")
    drive.group_pane().show_group(group_id)  # e.g. the list reloading after a matching run
    qtbot.waitUntil(lambda: editor.history.topLevelItemCount() > history_before)
    assert editor.summary.text() == "Half-written summary"
    assert editor.is_dirty()


def test_drag_a_group_onto_another_merges_it_and_undo_brings_it_back(drive,
        db, qtbot, group, second_group):
    group_id, _claims = group
    drive.open_group(group_id)
    model = drive.groups_list().model
    qtbot.waitUntil(lambda: model.row_of(second_group) is not None)
    with db.read() as session:
        moving = set(session.execute(select(ClaimGroupMember.claim_id).where(
            ClaimGroupMember.group_id == second_group)).scalars())
    source_index = model.index(model.row_of(second_group), 0)
    data = model.mimeData([source_index])
    target_index = model.index(model.row_of(group_id), 0)
    # What a drop of the dragged row onto the target row does (Qt calls these on the model).
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target_index)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, source_index)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target_index)

    qtbot.waitUntil(lambda: moving <= set(members(db, group_id)))
    with db.read() as session:
        assert session.get(ClaimGroup, second_group) is None
    qtbot.waitUntil(lambda: drive.undo_count() == 1)
    assert drive.undo_text() == "Merge claim groups"

    drive.undo()
    qtbot.waitUntil(lambda: not moving & set(members(db, group_id)))
    with db.read() as session:
        back = {group_of_claim(session, cid) for cid in moving}
    assert len(back) == 1 and back != {group_id}

    assert drive.can_redo(), drive.message()
    drive.redo()
    qtbot.waitUntil(lambda: moving <= set(members(db, group_id)))


def test_a_group_dropped_on_the_open_group_pane_merges_into_it(drive, db, qtbot, group,
                                                               second_group):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from desktop.groups_view import group_mime

    group_id, _claims = group
    drive.open_group(group_id)
    pane = drive.group_pane()
    mime = group_mime(second_group)  # the event only points to it: keep it alive
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    pane.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: len(members(db, group_id)) > 3)
    with db.read() as session:
        assert session.get(ClaimGroup, second_group) is None


def test_verdict_and_conflict_views_list_only_their_groups(drive, db, qtbot, group, second_group):
    from storage.models import GroupConflict

    group_id, _claims = group
    with db.write() as session:
        save_verdict(session, group_id, VerdictDraft(rating="false", summary="s"),
                     expected_version=None, actor="ana")
        verdicts.set_status(session, group_id, "in_review", expected_version=1, actor="ana")
        session.add(GroupConflict(group_a=min(group_id, second_group),
                                  group_b=max(group_id, second_group), explanation={}))
    drive.refresh_counts()
    qtbot.waitUntil(lambda: drive.sidebar_count(View.IN_REVIEW) == 1)
    assert drive.sidebar_count(View.DRAFT) == 0
    assert drive.sidebar_count(View.CONFLICTS) == 2

    model = drive.groups_list().model
    drive.select_view(View.IN_REVIEW)
    qtbot.waitUntil(lambda: not model.is_loading() and model.total() == 1)
    assert model.group_at(0).id == group_id
    assert drive.detail_shown() is drive.group_pane()
    drive.select_view(View.DRAFT)
    qtbot.waitUntil(lambda: not model.is_loading() and model.total() == 0)
    drive.select_view(View.CONFLICTS)
    qtbot.waitUntil(lambda: not model.is_loading() and model.total() == 2)
    assert {model.group_at(r).id for r in range(2)} == {group_id, second_group}
    drive.select_view(View.GROUPS)
    qtbot.waitUntil(lambda: not model.is_loading() and model.total() > 2)


def test_alt_and_a_digit_rate_the_open_group_and_ctrl_s_saves_it(drive, db, qtbot, group):
    group_id, _claims = group
    drive.select_view(View.INBOX)
    drive.press(Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert verdict_row(db, group_id) is None  # no group open: nothing to rate
    assert "Open a claim group" in drive.status_message()

    drive.open_group(group_id)
    pane, editor = drive.group_pane(), drive.verdict_editor()
    pane.tabs.setCurrentIndex(0)  # the appearances, not the verdict
    qtbot.keyClick(drive.groups_list().table, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert pane.tabs.currentWidget() is editor
    assert editor.rating.currentData() == "false" and editor.is_dirty()
    qtbot.keyClicks(editor.summary, "Wrong figure")
    qtbot.keyClick(editor.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: verdict_row(db, group_id) is not None)
    assert (verdict_row(db, group_id).rating, verdict_row(db, group_id).summary) == (
        "false", "Wrong figure")
    qtbot.waitUntil(lambda: not editor.is_dirty())
    qtbot.keyClick(editor.summary, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert editor.rating.currentData() is None and editor.is_dirty()


def test_drag_an_appearance_onto_another_group_moves_it_and_undo_moves_it_back(drive,
        db, qtbot, group, second_group):
    group_id, claims = group
    drive.open_group(group_id)
    pane, model = drive.group_pane(), drive.groups_list().model
    qtbot.waitUntil(lambda: model.row_of(second_group) is not None
                    and pane.appearances.rowCount() == 3)
    row = next(r for r, a in enumerate(pane.appearances.rows()) if a.claim_id == claims[1])
    dragged = pane.appearances.index(row, 0)
    assert pane.appearances.flags(dragged) & Qt.ItemFlag.ItemIsDragEnabled
    data = pane.appearances.mimeData([dragged])
    target = model.index(model.row_of(second_group), 0)
    own = model.index(model.row_of(group_id), 0)
    # Onto another group in the list: a move; onto its own group: nothing.
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, own)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)

    qtbot.waitUntil(lambda: members(db, second_group).get(claims[1]) == "confirmed")
    assert members(db, group_id)[claims[1]] == "rejected"
    qtbot.waitUntil(lambda: drive.undo_count() == 1)
    assert drive.undo_text() == "Move claim"

    drive.undo()
    qtbot.waitUntil(lambda: members(db, group_id).get(claims[1]) == "confirmed")
    with db.read() as session:
        assert group_of_claim(session, claims[1]) == group_id

    # Onto the list's empty space (no group): split out into a group of its own.
    qtbot.waitUntil(lambda: pane.appearances.rowCount() == 3)
    row = next(r for r, a in enumerate(pane.appearances.rows()) if a.claim_id == claims[2])
    data = pane.appearances.mimeData([pane.appearances.index(row, 0)])
    from PySide6.QtCore import QModelIndex

    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: members(db, group_id).get(claims[2]) == "rejected")
    with db.read() as session:
        alone = group_of_claim(session, claims[2])
    assert alone not in (None, group_id, second_group)
