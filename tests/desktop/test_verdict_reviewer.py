"""A verdict saved in the window names the reviewer set in Preferences, never the computer's
user account; without one it names none and the editor says what the outputs will print."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from sqlalchemy import select  # noqa: E402

from storage.models import Claim, Verdict  # noqa: E402


def test_a_verdict_without_a_named_reviewer_names_none(drive, window, db, qtbot, settings,
                                                      articles, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    settings.reviewer_name = ""
    window._preferences_changed()
    with db.read() as session:
        claim = session.execute(select(Claim.id).where(Claim.article_id == articles[0])
                                .order_by(Claim.id)).scalars().first()
    from storage.groups import group_of_claim

    with db.write() as session:
        group_id = group_of_claim(session, claim)
    drive.open_group(group_id)
    editor = window.group_pane.editor
    window.group_pane.tabs.setCurrentWidget(editor)
    assert "Reviewer not named" in editor.reviewer.text() and "root" not in editor.reviewer.text()
    editor.rating.setCurrentIndex(editor.rating.findData("false"))
    editor.summary.setText("Not 20 percent.")
    editor.save_button.click()

    def saved() -> Verdict | None:
        with db.read() as session:
            return session.execute(select(Verdict).where(Verdict.group_id == group_id)
                                   ).scalar_one_or_none()

    qtbot.waitUntil(lambda: saved() is not None, timeout=20_000)
    assert saved().reviewer is None
