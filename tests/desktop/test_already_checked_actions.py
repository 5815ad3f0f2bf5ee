"""In the window's "Already checked" panels: "Same claim" is undone (its own Undo and Ctrl+Z),
"Unlink" takes a link back, and the claim detail's "Use as evidence" saves into the verdict."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage import factchecks, groups, verdicts
from storage.models import Claim
from storage.verdicts import EvidenceItem, VerdictDraft

URL = "https://checks.example/territory"
FEED = [{"@type": "ClaimReview", "claimReviewed": "Russia controls 18 percent of Ukraine's "
         "territory", "url": URL, "author": {"name": "Sample Checkers"},
         "datePublished": "2023-03-05", "reviewRating": {"alternateName": "Mostly True"}}]
TERRITORY = "Russia now controls about 18 percent%"


def _open_claim_with_group(drive, qtbot, db, tmp_path):
    """Import the feed through the window, give the territory claim a group, select it."""
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FEED), encoding="utf-8")
    check_imports = drive.check_imports()
    with qtbot.waitSignal(check_imports.changes, timeout=30_000):
        check_imports.import_files([path])
    with db.write() as session:
        claim = session.execute(select(Claim).where(Claim.sentence.like(TERRITORY))).scalar_one()
        group_id = groups.group_of_claim(session, claim.id) or groups.create_group(
            session, [claim.id], actor="t")
        claim_id, sentence = claim.id, claim.sentence
    drive.wait_loaded(lambda: drive.row_of(claim_id) is not None)
    drive.select_claim(claim_id)
    panel = drive.claim_pane().already_checked
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.text == sentence
                    and panel.group_id == group_id, timeout=10_000)
    return panel, group_id


def _linked(db, group_id) -> list[str | None]:
    with db.read() as session:
        return [e.url for e in factchecks.linked_fact_checks(session, group_id)]


def _row_linked(panel) -> bool:
    return bool(panel.rows) and not panel.rows[0].unlink_button.isHidden()


def test_same_claim_is_undone_and_unlinked(drive, qtbot, db, tmp_path):
    panel, group_id = _open_claim_with_group(drive, qtbot, db, tmp_path)
    row = panel.rows[0]
    assert row.entry.url == URL and row.unlink_button.isHidden()

    row.same_button.click()
    qtbot.waitUntil(lambda: _row_linked(panel), timeout=10_000)
    assert _linked(db, group_id) == [URL]
    assert panel.rows[0].same_button.text() == "Linked: same claim"
    assert f"Linked to claim group #{group_id}" in panel.notice.text()
    assert not panel.undo_button.isHidden()

    panel.undo_button.click()  # the panel's own Undo, right after the click
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.rows[0].same_button.isEnabled(),
                    timeout=10_000)
    assert _linked(db, group_id) == []
    assert panel.undo_button.isHidden()

    panel.rows[0].same_button.click()
    qtbot.waitUntil(lambda: _row_linked(panel), timeout=10_000)
    panel.rows[0].unlink_button.click()
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.rows[0].same_button.isEnabled(),
                    timeout=10_000)
    assert _linked(db, group_id) == []
    assert "taken back" in panel.notice.text()

    drive.undo()  # Edit → Undo (Ctrl+Z) brings the link back: the window's stack has it
    qtbot.waitUntil(lambda: _row_linked(panel), timeout=10_000)
    assert _linked(db, group_id) == [URL]
    drive.redo()
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.rows[0].same_button.isEnabled(),
                    timeout=10_000)
    assert _linked(db, group_id) == []


def test_use_as_evidence_in_the_claim_detail_saves_it_into_the_verdict(drive, qtbot, db,
                                                                       tmp_path):
    panel, group_id = _open_claim_with_group(drive, qtbot, db, tmp_path)
    button = panel.rows[0].evidence_button
    assert not button.isHidden() and button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: "Added to the evidence" in panel.notice.text(), timeout=10_000)
    with db.read() as session:
        verdict = verdicts.verdict_for_group(session, group_id)
        items = verdicts.evidence_for(session, verdict.id)
    assert verdict.status == "draft"
    assert [(e.url, e.note) for e in items] == [
        (URL, "Rated \u201cMostly True\u201d by Sample Checkers")]

    panel.rows[0].evidence_button.click()  # twice: still one item
    qtbot.waitUntil(lambda: "already in the evidence" in panel.notice.text(), timeout=10_000)
    with db.read() as session:
        assert len(verdicts.evidence_for(session, verdict.id)) == 1


def test_a_published_verdict_takes_no_evidence_from_the_detail(drive, qtbot, db, tmp_path):
    panel, group_id = _open_claim_with_group(drive, qtbot, db, tmp_path)
    with db.write() as session:
        verdicts.save_verdict(session, group_id, VerdictDraft(
            rating="mostly_true", summary="About 18%.", rationale="ISW maps.",
            evidence=[EvidenceItem(title="ISW", url="https://isw.example/map")]),
            expected_version=None, actor="t")
        for n, status in enumerate(("in_review", "approved", "published"), start=1):
            verdicts.set_status(session, group_id, status, expected_version=n, actor="r")
    panel.rows[0].evidence_button.click()
    qtbot.waitUntil(lambda: "verdict editor" in panel.notice.text(), timeout=10_000)
    assert "is published" in panel.notice.text()
    with db.read() as session:
        verdict = verdicts.verdict_for_group(session, group_id)
        assert [e.url for e in verdicts.evidence_for(session, verdict.id)] == [
            "https://isw.example/map"]
