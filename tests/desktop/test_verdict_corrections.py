"""#17.2/#17.3 in the window: changing a published verdict asks for the reason and publishes a
correction, which the editor then lists; a refused step is a sentence; self-approval on a
laptop is explained once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from storage import publication
from storage.models import Claim
from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, set_status, verdict_for_group


@pytest.fixture
def published_group(db, articles) -> int:
    with db.write() as s:
        cid = s.execute(select(Claim.id).where(Claim.article_id == articles[0])
                        .order_by(Claim.id)).scalars().first()
        from storage.groups import group_of_claim

        gid = group_of_claim(s, cid)
        v = save_verdict(s, gid, VerdictDraft(
            rating="mostly_false", summary="18, not 20.", rationale="ISW maps.", reviewer="Ana",
            evidence=[EvidenceItem(title="ISW", url="https://example.org/isw")]),
            expected_version=None, actor="Ana")
        for step, who in (("in_review", "Ana"), ("approved", "Bo"), ("published", "Ana")):
            v = set_status(s, gid, step, expected_version=v, actor=who)
    return gid


def _open(drive, qtbot, group_id: int, published: bool = True):
    drive.show_group(group_id)
    pane = drive.group_pane()
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == group_id)
    editor = pane.editor
    pane.tabs.setCurrentWidget(editor)
    if published:
        qtbot.waitUntil(lambda: editor.published.text() != "")
    return editor


def test_a_change_to_a_published_verdict_asks_the_reason_and_is_listed(drive, db, qtbot,
                                                                       published_group):
    editor = _open(drive, qtbot, published_group)
    assert editor.published.text().startswith("Published ")
    editor.rating.setCurrentIndex(editor.rating.findData("false"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.reason_dialog is not None and editor.reason_dialog.isVisible())
    assert "changing it is a correction" in editor.reason_dialog.labelText()
    editor.reason_dialog.setTextValue("A second map confirmed 18 percent.")
    editor.reason_dialog.accept()
    def versions() -> int:
        with db.read() as s:
            return len(publication.history(s, published_group))

    qtbot.waitUntil(lambda: versions() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "Corrected on" in editor.published.text())
    assert "A second map confirmed 18 percent." in editor.published.text()
    with db.read() as s:
        assert verdict_for_group(s, published_group).rating == "false"


def test_cancelling_the_reason_saves_nothing(drive, db, qtbot, published_group):
    editor = _open(drive, qtbot, published_group)
    editor.summary.setText("Something else")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.reason_dialog is not None and editor.reason_dialog.isVisible())
    editor.reason_dialog.reject()
    qtbot.waitUntil(lambda: not editor.saving)
    with db.read() as s:
        assert verdict_for_group(s, published_group).summary == "18, not 20."
        assert len(publication.history(s, published_group)) == 1
    assert editor.is_dirty()  # the edit stays on screen


def test_publishing_without_evidence_is_refused_with_a_sentence(drive, db, qtbot, articles):
    with db.write() as s:
        cid = s.execute(select(Claim.id).where(Claim.article_id == articles[1])
                        .order_by(Claim.id)).scalars().first()
        from storage.groups import group_of_claim

        gid = group_of_claim(s, cid)
        v = save_verdict(s, gid, VerdictDraft(rating="true", summary="Yes"),
                         expected_version=None, actor="Test Reviewer")
        v = set_status(s, gid, "in_review", expected_version=v, actor="Test Reviewer")
    editor = _open(drive, qtbot, gid, published=False)
    button = editor.status_buttons["approved"]
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the author approves, on a laptop
    qtbot.waitUntil(lambda: getattr(editor, "note_box", None) is not None)
    assert "You approved a verdict you wrote yourself" in editor.note_box.text()
    button = editor.status_buttons["published"]
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be published yet" in drive.status_message()
                    or "cannot be published yet" in drive.boxes_text())
    with db.read() as s:
        assert verdict_for_group(s, gid).status == "approved"
