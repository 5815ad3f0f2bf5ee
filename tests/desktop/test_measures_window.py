"""The Measures view and the reference check in the window (#19), driven like a reviewer would."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QDate, Qt  # noqa: E402

from desktop.sidebar import View  # noqa: E402
from storage.measure_edits import add_reference  # noqa: E402
from storage.measures import CONTRADICTS, compare_with_reference, list_measures  # noqa: E402
from storage.models import Rating  # noqa: E402
from storage.reads import read_group_detail  # noqa: E402
from tests.desktop.conftest import store_article  # noqa: E402

SHARE = "Share of Ukraine held by Russia"
# Three outlets of our own stating the share held, one far off the others.
STATEMENTS = (
    ("Kyiv Notes", dt.date(2023, 5, 2),
     "Russia controls about 18 percent of Ukraine's territory, military analysts said. "
     "The city council met to discuss the budget."),
    ("Harbour Post", dt.date(2024, 6, 1),
     "Russia now occupies roughly 25 percent of Ukraine's territory, a commentator claimed. "
     "Shops reopened in the morning."),
    ("Plain Wire", dt.date(2025, 2, 1),
     "Russia holds about 19 percent of Ukraine's territory, according to mapping by analysts. "
     "Rain fell over the capital."),
)


@pytest.fixture
def measured(db) -> dict[str, int]:
    """The three statements stored (imports measure by themselves); outlet -> claim id."""
    for outlet, day, text in STATEMENTS:
        store_article(db, text, title=f"{outlet} report", outlet=outlet, published=day)
    share = next(m for m in list_measures(db) if m.name == SHARE)
    from storage.measures import timeline_points

    return {p.outlet: p.claim_id for p in timeline_points(db, share.id)} | {"measure": share.id}


def open_measures(drive, measure_id: int):
    drive.select_view(View.MEASURES)
    panel = drive.window.measures.panel
    drive.qtbot.waitUntil(lambda: panel.model.row_by_id().get(measure_id) is not None)
    panel.select_id(measure_id)
    drive.qtbot.waitUntil(lambda: panel.timeline is not None
                          and panel.timeline.measure_id == measure_id)
    return panel


def row_of(panel, measure_id: int):
    return next(r for r in panel.rows() if r.id == measure_id)


def test_the_measures_view_lists_measures_and_draws_the_chosen_timeline(measured, drive) -> None:
    panel = open_measures(drive, measured["measure"])
    assert drive.window.centre.centre_stack.currentWidget() is panel
    row = row_of(panel, measured["measure"])
    assert row.claims >= 3 and row.outlets >= 3
    shown = {panel.model.headerData(c, Qt.Orientation.Horizontal): panel.model.index(
        panel.model.row_by_id()[row.id], c).data() for c in range(panel.model.columnCount())}
    assert shown["Measure"] == SHARE
    assert shown["Value range"].endswith("25 %")
    assert shown["Latest value"] == "19 % (2025-02-01)"
    # The sidebar counts the measures.
    item = drive.window.sidebar._items[View.MEASURES]
    drive.qtbot.waitUntil(lambda: item.data(Qt.ItemDataRole.UserRole + 2) == len(panel.rows()))
    # The chart has one point per dated claim; the list below names the same claims.
    plotted = {p.claim_id for p in panel.chart.plot.points}
    assert {measured["Kyiv Notes"], measured["Harbour Post"], measured["Plain Wire"]} <= plotted
    assert {r.id for r in panel.points.rows()} >= plotted
    # Clicking a point opens the claim in the detail pane.
    with drive.qtbot.waitSignal(panel.claimRequested):
        panel.chart.claimClicked.emit(measured["Harbour Post"])
    drive.qtbot.waitUntil(lambda: drive.window.detail.claim_id() == measured["Harbour Post"])
    # Back to a claims view: the claims table is back.
    drive.select_view(View.ALL)
    assert drive.window.centre.centre_stack.currentWidget() is drive.window.centre.centre_splitter


def test_rename_is_undone_and_redone(measured, drive) -> None:
    panel = open_measures(drive, measured["measure"])
    dialog = panel.open_rename_dialog()
    dialog.setTextValue("Occupied share (our wording)")
    dialog.accept()
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).name
                          == "Occupied share (our wording)")
    drive.undo()
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).name == SHARE)
    drive.redo()
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).name
                          == "Occupied share (our wording)")


def test_split_selected_claims_into_a_measure_and_undo(measured, drive, db) -> None:
    panel = open_measures(drive, measured["measure"])
    before = row_of(panel, measured["measure"]).claims
    odd = panel.points.row_by_id()[measured["Harbour Post"]]
    panel.points_table.selectRow(odd)
    assert panel.split_button.isEnabled()
    panel.split_button.click()
    drive.qtbot.waitUntil(lambda: measured["measure"] in panel.model.row_by_id()
                          and row_of(panel, measured["measure"]).claims == before - 1)
    drive.qtbot.waitUntil(
        lambda: measured["Harbour Post"] not in {p.claim_id for p in panel.chart.plot.points})
    # The split-off measure is stored with the claim (it has one claim: not listed).
    drive.undo()
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).claims == before)
    assert panel.current_id() == measured["measure"]
    drive.qtbot.waitUntil(
        lambda: measured["Harbour Post"] in {p.claim_id for p in panel.chart.plot.points})


def test_add_reference_dialog_refuses_then_stores_and_the_far_claim_contradicts(
        measured, drive, db) -> None:
    panel = open_measures(drive, measured["measure"])
    dialog = panel.open_reference_dialog()
    dialog.value.setText("18.5")
    dialog.submit()  # no source named
    assert dialog.error.isVisible() and "source" in dialog.error.text()
    dialog.source_title.setText("Sample assessment map")
    dialog.url.setText("ftp://example.org/map")  # not a web address: storage says why
    dialog.as_of.setDate(QDate(2024, 1, 1))
    dialog.submit()
    drive.qtbot.waitUntil(lambda: "http" in dialog.error.text())
    assert dialog.isVisible()
    dialog.url.setText("https://example.org/sample-map")
    dialog.low.setText("17.5")
    dialog.high.setText("19.5")
    with drive.qtbot.waitSignal(dialog.finished):  # closes once stored
        dialog.submit()
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).references == 1
                          and panel.timeline is not None and bool(panel.timeline.references))
    checks = {r.id: r.check for r in panel.points.rows()}
    assert checks[measured["Harbour Post"]].startswith("contradicts")
    assert checks[measured["Plain Wire"]].startswith("consistent")
    assert checks[measured["Kyiv Notes"]] == "no reference"  # stated before the as-of date
    assert panel.chart.plot.bands
    drive.undo()  # the reference goes again
    drive.qtbot.waitUntil(lambda: row_of(panel, measured["measure"]).references == 0)


def _reference(db, measure_id: int) -> None:
    add_reference(db, measure_id, as_of=dt.date(2024, 1, 1), source_title="Sample map",
                  value=None, low="17.5", high="19.5", url="https://example.org/sample-map",
                  publisher="Sample Institute", quote="About 18.5 % is held.", actor="tester")


def test_the_suggested_rating_is_only_applied_when_a_person_confirms_it(measured, drive, db) -> None:
    _reference(db, measured["measure"])
    claim = measured["Harbour Post"]
    [comparison] = [c for c in compare_with_reference(db, claim_id=claim)
                    if c.measure_id == measured["measure"]]
    assert comparison.kind == CONTRADICTS
    drive.select_view(View.ALL)
    drive.wait_loaded(lambda: drive.row_of(claim) is not None)
    drive.select_claim(claim)
    banner = drive.window.measures.claim_banner
    drive.qtbot.waitUntil(lambda: banner.isVisible() and banner.check is not None
                          and bool(banner.check.comparisons)
                          and banner.check.comparisons[0].claim_id == claim)
    assert banner.suggestion == Rating.FALSE
    assert "Contradicts the reference" in banner.lines.text()
    assert "Sample map" in banner.lines.text()
    group_id = banner.check.group_id
    assert group_id is not None
    # Shown, never applied: the group has no verdict yet.
    assert read_group_detail(db, group_id).verdict is None

    banner.confirm_button.click()
    drive.qtbot.waitUntil(lambda: (d := read_group_detail(db, group_id)).verdict is not None
                          and d.verdict.rating == Rating.FALSE)
    verdict = read_group_detail(db, group_id).verdict
    [evidence] = verdict.evidence
    assert evidence.url == "https://example.org/sample-map" and evidence.title == "Sample map"
    assert evidence.publisher == "Sample Institute" and "entered by tester" in evidence.note
    assert drive.current_view() == View.GROUPS  # the person sees the verdict it went into

    # Overriding: another rating from the group's own banner; the evidence is not doubled.
    group_banner = drive.window.measures.group_banner
    drive.qtbot.waitUntil(lambda: group_banner.isVisible() and group_banner.check is not None
                          and group_banner.check.group_id == group_id)
    drive.qtbot.waitUntil(lambda: not drive.window.group_pane.editor.saving)
    group_banner.rating_actions[Rating.MOSTLY_FALSE].trigger()
    drive.qtbot.waitUntil(lambda: read_group_detail(db, group_id).verdict.rating
                          == Rating.MOSTLY_FALSE)
    assert len(read_group_detail(db, group_id).verdict.evidence) == 1
    # One undo step each, like any verdict save.
    drive.qtbot.waitUntil(lambda: not drive.window.group_pane.editor.saving)
    drive.undo()
    drive.qtbot.waitUntil(lambda: read_group_detail(db, group_id).verdict.rating == Rating.FALSE)


def test_a_claim_without_a_reference_shows_no_suggestion(measured, drive) -> None:
    drive.select_view(View.ALL)
    claim = measured["Plain Wire"]
    drive.wait_loaded(lambda: drive.row_of(claim) is not None)
    drive.select_claim(claim)
    drive.qtbot.waitUntil(lambda: drive.window.detail.claim_id() == claim)
    banner = drive.window.measures.claim_banner
    drive.qtbot.wait(300)
    assert not banner.isVisible() and banner.suggestion is None


def test_measures_stated_once_are_counted_then_listed_with_the_remembered_toggle(
        drive, db, settings) -> None:
    """A small corpus states most measures once: the view says how many it hides, and
    "Stated once too" lists them (the window remembers the choice)."""
    every = list_measures(db, min_claims=1)
    once = [m for m in every if m.claims == 1]
    twice = [m for m in every if m.claims >= 2]
    assert once, "the test articles state some measures only once"
    drive.select_view(View.MEASURES)
    panel = drive.window.measures.panel
    drive.qtbot.waitUntil(lambda: bool(panel._all_rows))
    assert not panel.once_box.isChecked()
    assert {r.id for r in panel.rows()} == {m.id for m in twice}
    hidden = f"{len(once)} measures stated by a single claim are hidden" if len(once) > 1 \
        else "one measure stated by a single claim is hidden"
    assert hidden in panel.showing.text()

    panel.once_box.click()
    assert {r.id for r in panel.rows()} == {m.id for m in every}
    assert "hidden" not in panel.showing.text()
    assert f"{len(once)} of them stated by a single claim" in panel.showing.text()
    item = drive.window.sidebar._items[View.MEASURES]
    drive.qtbot.waitUntil(lambda: item.data(Qt.ItemDataRole.UserRole + 2) == len(every))
    assert settings.measures_stated_once
    # A measure stated once can be chosen: its one point is drawn.
    single = once[0]
    panel.select_id(single.id)
    drive.qtbot.waitUntil(lambda: panel.timeline is not None
                          and panel.timeline.measure_id == single.id)
    assert len(panel.points.rows()) == 1

    # A new window (here: a new view over the same settings) starts with the toggle on.
    from desktop.measures_view import MeasuresPanel

    again = MeasuresPanel(db, drive.window.measures.ops, settings)
    drive.qtbot.addWidget(again)
    assert again.once_box.isChecked()


def test_the_reference_check_follows_the_window_claim_shown_signal(measured, drive, db) -> None:
    """The check hangs on the window's claimShown, not on a wrapped method of the pane."""
    assert "show_claim" not in vars(drive.window.detail)
    _reference(db, measured["measure"])
    claim = measured["Harbour Post"]
    with drive.qtbot.waitSignal(drive.window.claimShown) as shown:
        drive.window.show_claim(claim)
    assert shown.args == [claim]
    banner = drive.window.measures.claim_banner
    drive.qtbot.waitUntil(lambda: banner.isVisible() and banner.suggestion == Rating.FALSE)
    with drive.qtbot.waitSignal(drive.window.claimShown) as shown:
        drive.window.detail.show_claim(None)
    assert shown.args == [None]
    drive.qtbot.waitUntil(lambda: not banner.isVisible())


def bold(selection) -> bool:
    """An extra selection of the article view that marks a figure of the shown claim."""
    return selection.format.fontWeight() > 400


def test_the_reference_check_and_the_article_tints_follow_a_switch_to_dark(
        measured, drive, db) -> None:
    """Switching to the dark palette with a claim shown: the banner's frame and buttons and the
    article's tints are those of the dark palette (no pale tint under white text)."""
    from PySide6.QtGui import QPalette

    from desktop.appearance import apply_appearance, is_dark
    from desktop.article_text import category_tint
    from storage.measures import timeline_points

    # The test articles' territory piece states the share among other claims (so the article
    # shows other claims' tints); a reference far from its 18 % makes it contradict.
    [claim] = [p.claim_id for p in timeline_points(db, measured["measure"])
               if p.outlet == "Test Herald"]
    add_reference(db, measured["measure"], as_of=dt.date(2020, 1, 1), value=None, low="24",
                  high="26", source_title="Far-off sample map", actor="tester")
    drive.window.show_claim(claim)
    banner = drive.window.measures.claim_banner
    article = drive.window.detail.article
    drive.qtbot.waitUntil(lambda: banner.isVisible() and banner.suggestion == Rating.FALSE)
    drive.qtbot.waitUntil(lambda: any(not bold(s) for s in article.extraSelections()[1:]))

    def frame_pixel():  # the painted frame, half way down the banner's left edge
        return banner.grab().toImage().pixelColor(0, banner.height() // 2)

    def tint_lightness() -> int:  # the first other claim's tint in the article
        selections = article.extraSelections()
        tint = next(s for s in selections[1:] if not bold(s))
        return tint.format.background().color().lightness()

    def button_colour():
        return banner.confirm_button.palette().color(QPalette.ColorRole.Button)

    assert frame_pixel().red() > 150 and frame_pixel().lightness() < 128  # a dark red
    try:
        apply_appearance("dark")
        drive.qtbot.waitUntil(is_dark)
        assert frame_pixel().lightness() > 128 and frame_pixel().red() > 200  # a light red
        # no light button left on the dark page
        drive.qtbot.waitUntil(lambda: button_colour().lightness() < 128, timeout=3000)
        text = banner.lines.palette().color(QPalette.ColorRole.WindowText)
        assert text.lightness() > 128
        page = article.palette().color(QPalette.ColorRole.Base)
        drive.qtbot.waitUntil(lambda: tint_lightness() < 128)
        selections = article.extraSelections()
        for selection in selections[1:]:  # the other claims' tints
            if bold(selection):
                continue  # the claim's own figures, on the marked claim's yellow
            tint = selection.format.background().color()
            assert abs(tint.lightness() - page.lightness()) < 80, tint.name()
        assert category_tint("territory").lightness() < 128
    finally:
        apply_appearance("light")
    drive.qtbot.waitUntil(lambda: not is_dark())
    assert frame_pixel().lightness() < 128
    drive.qtbot.waitUntil(lambda: button_colour().lightness() > 128, timeout=3000)
    drive.qtbot.waitUntil(lambda: tint_lightness() > 128)


def test_a_reference_added_from_the_command_line_shows_in_the_open_window(
        measured, drive, db) -> None:
    """The done-when of #19: ``claimdesk reference add`` elsewhere, and the claim shown in the
    window gets its "contradicts" check and suggested rating by itself."""
    from cli.main import main

    claim = measured["Harbour Post"]  # 25 %, far from the reference below
    drive.select_view(View.INBOX)
    drive.wait_loaded(lambda: drive.row_of(claim) is not None)
    drive.select_claim(claim)
    drive.qtbot.waitUntil(lambda: drive.window.detail.claim_id() == claim)
    banner = drive.window.measures.claim_banner
    drive.qtbot.wait(300)
    assert not banner.isVisible()
    location = str(db.path) if db.path is not None else db.location
    assert main(["reference", "add", str(measured["measure"]), "--low", "17.5", "--high", "19.5",
                 "--as-of", "2020-01-01", "--source-url", "https://example.org/sample-map",
                 "--source-title", "Sample map", "--db", location]) == 0
    drive.qtbot.waitUntil(lambda: banner.isVisible() and banner.suggestion == Rating.FALSE,
                          timeout=15_000)
    assert "Contradicts the reference" in banner.lines.text()
    assert banner.confirm_button.isVisible() and "False" in banner.confirm_button.text()
    assert read_group_detail(db, banner.check.group_id).verdict is None  # suggested, not applied
