"""Screenshots of every view of the real window on a fresh sample database.

Run under a virtual screen (the README's "Screenshots" section):

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/take_screenshots.py docs/screenshots

It works in a throw-away data folder, so your own database and settings are never touched. The
verdict shown is typed into the real editor and saved the way a person would.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WIDTH, HEIGHT = 1440, 900

# (claim reviewed, rating, publisher, date, link) for the "Already checked" screenshot.
_REVIEWS = (
    ("Russia added only about 0.6 percent of Ukraine's territory in a year of fighting",
     "Mostly True", "Sample Fact Desk", "2025-01-20", "https://factcheck.example/territory"),
    ("Ukraine is ready to accept a US proposal for an immediate 30-day interim ceasefire",
     "True", "Example Verify", "2025-03-12", "https://checkers.example/jeddah-30-days"),
    ("The Minsk II package of measures had 20 points", "Pants on Fire", "Example Verify",
     "2022-02-14", "https://checkers.example/minsk-points"),
)


def _review(claim: str, rating: str, publisher: str, date: str, url: str) -> dict:
    return {"@type": "ClaimReview", "claimReviewed": claim, "url": url, "inLanguage": "en",
            "author": {"@type": "Organization", "name": publisher}, "datePublished": date,
            "reviewRating": {"@type": "Rating", "alternateName": rating}}


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="claimdesk-shots-"))
    os.environ["CLAIMDESK_DATA_DIR"] = str(scratch / "data")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.app import DesktopSession, create_application, open_with_progress
    from desktop.appearance import apply_appearance
    from desktop.sidebar import View

    app = create_application()
    session = DesktopSession()
    session.settings.reviewer_name = "Sample Reviewer"
    window = session.show(open_with_progress(None))
    window.resize(WIDTH, HEIGHT)

    def pump(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            pump(0.05)

    def shot(name: str) -> None:
        pump()
        QApplication.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
        print("wrote", out / f"{name}.png")

    def view(v: View) -> None:
        window.sidebar.set_view(v)
        pump(1.0)

    pump(2.0)
    view(View.INBOX)
    window.select_row(0)
    shot("01-inbox")

    view(View.ARTICLES)
    window.articles_panel.table.selectRow(0)
    pump(1.0)
    window.select_row(2)
    shot("02-articles")

    view(View.OUTLETS)
    window.outlets_panel.table.selectRow(1)
    pump(1.0)
    shot("03-outlets")

    # The conflict the sample data was written to show: its group, then the verdict on it.
    view(View.CONFLICTS)
    window.groups_panel.table.selectRow(0)
    wait(lambda: window.group_pane.detail is not None)
    shot("04-conflicting-figures")

    editor = window.group_pane.editor
    window.group_pane.tabs.setCurrentWidget(editor)
    editor.rating.setCurrentIndex(editor.rating.findData("mostly_true"))
    editor.summary.setText("About 0.6% in twelve months matches the mapping data; "
                           "the 1.5% figure counts a longer period.")
    editor.rationale.setPlainText(
        "Compared the area gained with two independent mapping projects for the same dates, "
        "and the share with Ukraine's internationally recognised area (603,550 km²).")
    editor.add_evidence_row()
    for column, value in enumerate(("Frontline map, weekly update", "Sample mapping project",
                                    "https://example.org/map/weekly", "2025-06-01",
                                    "about 3,600 km² in twelve months", "checked twice")):
        editor.evidence.item(0, column).setText(value)
    editor.save()
    wait(lambda: editor.state is not None and editor.state.version == 1)
    editor.change_status("in_review")
    wait(lambda: editor.state is not None and editor.state.status == "in_review")
    shot("05-verdict-editor")

    view(View.GROUPS)
    window.groups_panel.table.selectRow(2)
    wait(lambda: window.group_pane.detail is not None)
    window.group_pane.tabs.setCurrentIndex(0)
    shot("06-claim-group")

    view(View.IN_REVIEW)
    window.groups_panel.table.selectRow(0)
    wait(lambda: window.group_pane.detail is not None)
    shot("07-verdicts-in-review")

    view(View.ALL)
    window.filters.verdict.setCurrentIndex(window.filters.verdict.findData("mostly_true"))
    pump(1.0)
    window.select_row(0)
    shot("08-claims-filtered-by-verdict")
    window.filters.verdict.setCurrentIndex(0)

    view(View.INBOX)
    dialog = window.imports.open_paste_dialog()
    pump(1.0)
    shot("09-paste-article")
    dialog.reject()

    dialog = window.open_preferences()
    pump(1.0)
    shot("10-preferences")
    dialog.reject()

    apply_appearance("dark")
    window.select_row(3)
    pump(1.5)
    shot("11-inbox-dark")
    apply_appearance("light")

    # A small fact-check feed, written for the screenshots like the sample corpus: imported
    # through File → Import fact-checks…, then the Inbox narrowed to the claims it checks.
    feed = scratch / "fact-checks.json"
    feed.write_text(json.dumps({"@context": "https://schema.org", "@type": "DataFeed",
                                "dataFeedElement": [_review(*r) for r in _REVIEWS]}),
                    encoding="utf-8")
    window.check_imports.import_files([feed])
    wait(lambda: window.check_imports.report is not None, 120)
    window.check_imports.report.close()
    view(View.INBOX)
    window.filters.checked.setChecked(True)
    wait(lambda: window.claims_model.filter().checked_only
         and not window.claims_model.is_loading())
    rows = [window.claims_model.claim_at(r) for r in range(window.claims_model.rowCount())]
    window.select_row(next((n for n, c in enumerate(rows) if "six tenths" in c.sentence), 0))
    wait(lambda: bool(window.detail.already_checked.rows))
    shot("12-already-checked")
    # "Same claim" on the first check, then its notice with Undo (and Unlink on the row).
    panel = window.detail.already_checked
    if panel.rows and panel.rows[0].same_button.isEnabled():
        panel.rows[0].same_button.click()
        wait(lambda: bool(panel.rows) and panel.rows[0].unlink_button.isVisible())
        shot("13-already-checked-linked")
    window.filters.checked.setChecked(False)

    # #19: the Measures view with a reference figure (written for the screenshots, like the
    # sample corpus), then a claim it contradicts with the suggested rating, then dark.
    import datetime as dt

    from storage.measure_edits import add_reference
    from storage.measures import CONTRADICTS, compare_with_reference, list_measures

    area = next((m for m in list_measures(window.db) if m.unit == "area"), None)
    if area is not None:
        add_reference(window.db, area.id, as_of=dt.date(2025, 3, 10), low="190", high="215",
                      source_title="Sample mapping project, weekly update",
                      publisher="Sample mapping project", url="https://example.org/map/weekly",
                      actor="Sample Reviewer")
        view(View.MEASURES)
        panel = window.measures.panel
        wait(lambda: panel.select_id(area.id))
        wait(lambda: panel.timeline is not None and panel.timeline.measure_id == area.id
             and bool(panel.timeline.references))
        shot("14-measures")
        wrong = next((c.claim_id for c in compare_with_reference(window.db, measure_id=area.id)
                      if c.kind == CONTRADICTS), None)
        if wrong is not None:
            view(View.ALL)
            window.show_claim(wrong)
            wait(lambda: window.measures.claim_banner.isVisible())
            shot("15-reference-check")
        apply_appearance("dark")
        view(View.MEASURES)
        pump(1.5)
        shot("16-measures-dark")
        apply_appearance("light")

    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.close()
    pump(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
