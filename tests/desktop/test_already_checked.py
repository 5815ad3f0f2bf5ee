"""A reviewer asks "already checked?": fact-checks imported through the window, then found for
a claim, used as evidence and linked as the same claim."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from desktop.already_checked import AlreadyCheckedPanel
from desktop.check_imports import CheckImports
from storage import factchecks, groups
from storage.models import Claim

FEED = {"@type": "DataFeed", "dataFeedElement": [
    {"@type": "ClaimReview", "claimReviewed": "Russia controls 18 percent of Ukraine's territory",
     "url": "https://checks.example/territory", "author": {"name": "Sample Checkers"},
     "datePublished": "2023-03-05", "reviewRating": {"alternateName": "Mostly True"}},
    {"@type": "ClaimReview", "claimReviewed": "<b>Minsk II</b> had 13 points",
     "url": "javascript:alert(1)", "author": {"name": "Other Desk"},
     "reviewRating": {"alternateName": "True"}},
    {"@type": "ClaimReview", "url": "https://checks.example/broken"},
]}


def _import(qtbot, db, tmp_path, host: QWidget) -> CheckImports:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FEED), encoding="utf-8")
    imports = CheckImports(db, host, actor=lambda: "Test Reviewer", task_failed=lambda e: None)
    with qtbot.waitSignal(imports.changes, timeout=30_000):
        imports.import_files([path])
    qtbot.waitUntil(lambda: imports.report is not None, timeout=10_000)
    return imports


def test_import_through_the_window_reports_what_was_left_out(qtbot, db, tmp_path, articles):
    host = QWidget()
    qtbot.addWidget(host)
    imports = _import(qtbot, db, tmp_path, host)
    report = imports.report
    assert "2 fact-checks imported" in report.summary.text()
    assert "dataFeedElement[2]: no claim text" in report.details.toPlainText()
    assert "1 links that were not http(s) dropped" in report.details.toPlainText()
    with db.read() as session:
        assert factchecks.fact_check_count(session) == 2
        # The article claims stored by the fixture were looked up again after the import.
        marked = factchecks.checked_claim_ids(session, 0.4)
    assert marked, "the territory claim of the fixture articles is close to the first check"


def test_panel_shows_top_checks_and_its_actions(qtbot, db, tmp_path, articles):
    host = QWidget()
    qtbot.addWidget(host)
    _import(qtbot, db, tmp_path, host)
    with db.read() as session:
        claim = session.execute(select(Claim).where(
            Claim.sentence.like("Russia now controls about 18 percent%"))).scalar_one()
    with db.write() as session:
        group_id = groups.group_of_claim(session, claim.id) or groups.create_group(
            session, [claim.id], actor="t")
    panel = AlreadyCheckedPanel(db, actor=lambda: "Test Reviewer")
    qtbot.addWidget(panel)
    panel.show()
    panel.show_claim(claim.sentence, group_id)
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=10_000)
    first = panel.rows[0]
    assert first.entry.url == "https://checks.example/territory"
    assert first.badge.text() == "Mostly True" and "Sample Checkers" in first.meta.text()
    assert first.open_button.isEnabled()

    opened: list[str] = []
    panel.open_url = lambda url: opened.append(url) or True  # no browser in a test
    used: list[object] = []
    panel.useAsEvidence.connect(used.append)
    first.open_button.click()
    first.evidence_button.click()
    assert opened == ["https://checks.example/territory"]
    evidence = factchecks.evidence_item(used[0])
    assert evidence.url == "https://checks.example/territory"
    assert evidence.note == "Rated \u201cMostly True\u201d by Sample Checkers"

    first.same_button.click()
    qtbot.waitUntil(lambda: bool(panel.rows) and not panel.rows[0].same_button.isEnabled(),
                    timeout=10_000)
    assert panel.rows[0].same_button.text() == "Linked: same claim"
    with db.read() as session:
        assert [e.url for e in factchecks.linked_fact_checks(session, group_id)] == [
            "https://checks.example/territory"]


def test_markup_from_a_file_is_shown_as_text_and_bad_links_cannot_open(qtbot, db, tmp_path,
                                                                       articles):
    host = QWidget()
    qtbot.addWidget(host)
    _import(qtbot, db, tmp_path, host)
    panel = AlreadyCheckedPanel(db)
    qtbot.addWidget(panel)
    panel.show_claim("Minsk II 13 points")
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=10_000)
    row = panel.rows[0]
    assert row.claim.text() == "Minsk II had 13 points"
    assert not row.open_button.isEnabled()  # the javascript: link was never kept
    assert not row.same_button.isEnabled()  # no group open: nothing to link to


def test_empty_library_says_how_to_fill_it(qtbot, db):
    panel = AlreadyCheckedPanel(db)
    qtbot.addWidget(panel)
    panel.show_claim("anything at all")
    qtbot.waitUntil(lambda: "library is empty" in panel.status.text(), timeout=10_000)
    assert panel.rows == []


def test_the_window_story_inbox_marker_filter_detail_and_group(drive, qtbot, db, tmp_path):
    """Import fact-checks from the File menu's action, find the marked claim in the Inbox with
    the filter, see its check in the detail, then use it as evidence in its group."""
    from storage.queries import SortKey

    assert drive.action("import_checks") in drive.menu_actions("&File")
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FEED), encoding="utf-8")
    check_imports = drive.check_imports()
    with qtbot.waitSignal(check_imports.changes, timeout=30_000):
        check_imports.import_files([path])
    marked = "Russia now controls about 18 percent"
    drive.wait_loaded(lambda: any(c.already_checked for c in drive.shown_claims()))
    row = next(r for r, c in enumerate(drive.shown_claims()) if c.sentence.startswith(marked))
    assert drive.cell(row, SortKey.CHECKED) == "✓"

    drive.filters().checked.setChecked(True)
    drive.wait_loaded(lambda: drive.claim_filter().checked_only)
    assert drive.shown_claims() and all(c.already_checked for c in drive.shown_claims())

    claim = next(c for c in drive.shown_claims() if c.sentence.startswith(marked))
    drive.select_claim(claim.id)
    panel = drive.claim_pane().already_checked
    qtbot.waitUntil(lambda: bool(panel.rows) and panel.text == claim.sentence)
    assert panel.rows[0].entry.url == "https://checks.example/territory"
    assert not panel.rows[0].evidence_button.isHidden()  # saved into the group's verdict (#16)

    with db.write() as session:
        group_id = groups.group_of_claim(session, claim.id) or groups.create_group(
            session, [claim.id], actor="t")
    drive.open_group(group_id)
    pane = drive.group_pane()
    qtbot.waitUntil(lambda: bool(pane.already_checked.rows))
    before = pane.editor.evidence.rowCount()
    pane.already_checked.rows[0].evidence_button.click()
    assert pane.editor.evidence.rowCount() == before + 1
    assert pane.tabs.currentWidget() is pane.editor
    assert pane.editor.draft().evidence[-1].url == "https://checks.example/territory"
