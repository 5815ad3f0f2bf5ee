"""The measure timeline in the PDF briefing (#19), headless: which groups get one, what it draws."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pypdf
import pytest
from reportlab.graphics.shapes import Circle, Group, Line, String

from export.data import load_selection
from export.fonts import REGULAR
from export.measure_timelines import group_timeline
from export.pdf_briefing import write_briefing
from export.pdf_briefing.timeline_drawing import timeline_drawing
from export.publisher import Publisher
from export.timeline_plot import build_plot
from storage.measures import Reference, TimelinePoint, list_measures
from storage.schema import open_database

PUBLISHER = Publisher(organisation="Sample Desk", author="Ann Editor",
                      corrections="corrections@example.org")
SHARE = "Share of Ukraine held by Russia"
# Our own sentences: four outlets on the share held (so >= 3 dated values), two on a count.
ARTICLES = (
    ("Kyiv Notes", dt.date(2023, 5, 2),
     "Russia controls about 18 percent of Ukraine's territory, military analysts said. "
     "Minsk II set out 13 points for a ceasefire."),
    ("Harbour Post", dt.date(2024, 6, 1),
     "Russia now occupies roughly 25 percent of Ukraine's territory, a commentator claimed."),
    ("Plain Wire", dt.date(2025, 2, 1),
     "Russia holds about 19 percent of Ukraine's territory, according to mapping by analysts."),
    ("Північний вісник", dt.date(2025, 3, 1),
     "Russia controls about 19 percent of Ukraine's territory, the ministry said. "
     "Minsk II set out 13 points for a ceasefire."),
)


def _store(db, outlet: str, day: dt.date, text: str) -> None:
    from ingest import document_from_text
    from workflows.importing import store_document

    document = document_from_text(text, title=f"{outlet} report", outlet=outlet, published=day)
    store_document(db, document, source="test", actor="tester")


def _publish(db, group_id: int, title: str, url: str) -> None:
    """Rate, review, approve and publish one group's verdict, citing one source."""
    from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, set_status

    with db.write() as s:
        version = save_verdict(s, group_id, VerdictDraft(
            rating="mostly_true", summary="About a fifth.", rationale="Mapping agrees.",
            evidence=[EvidenceItem(title=title, url=url)]), expected_version=None,
            actor="tester")
        for status in ("in_review", "approved", "published"):
            version = set_status(s, group_id, status, expected_version=version, actor="tester")


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timeline")
    db = open_database(folder / "db.sqlite")
    for outlet, day, text in ARTICLES:
        _store(db, outlet, day, text)
    yield db, folder
    db.dispose()


def test_a_group_whose_measure_has_three_dated_values_gets_its_timeline(newsroom) -> None:
    db, folder = newsroom
    share = next(m for m in list_measures(db) if m.name == SHARE)
    selection = load_selection(db, "all")
    with_timeline = [g for g in selection.groups if g.timeline is not None]
    assert with_timeline, "no claim group got the share's timeline"
    assert {g.timeline.measure_id for g in with_timeline} == {share.id}
    assert all(g.timeline.dated_values >= 3 for g in with_timeline)
    # A measure stated twice (the 13 points) is no timeline: fewer than three values.
    points_groups = [g for g in selection.groups if "13 points" in g.canonical_text]
    assert points_groups and all(g.timeline is None for g in points_groups)
    assert group_timeline(db, []) is None

    result = write_briefing(selection.groups, folder / "b.pdf", publisher=PUBLISHER,
                            status="all")
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(result.path).pages]
    text = " ".join(pages)
    # The measure's chart is drawn once, in its first section; the later ones refer to it.
    assert len(with_timeline) >= 2
    assert text.count(f"Over time: {SHARE} ") == 1
    chart_page = next(n for n, page in enumerate(pages, start=1) if f"Over time: {SHARE} " in page)
    assert text.count(f"Over time: see the chart of {SHARE} on page {chart_page}.") == len(with_timeline) - 1
    assert "Північний вісник" in text  # the legend's Cyrillic outlet, in DejaVu
    assert "dated values from" in text


def _point(claim_id: int, day: dt.date, value: float, outlet: str, conflicting=False,
           high: float | None = None) -> TimelinePoint:
    return TimelinePoint(claim_id, day, value, value, value if high is None else high, outlet,
                         "A sentence of our own.", conflicting)


def test_the_drawing_has_a_marker_per_value_the_legend_and_the_reference() -> None:
    points = [_point(1, dt.date(2023, 5, 2), 18.0, "Kyiv Notes"),
              _point(2, dt.date(2024, 6, 1), 25.0, "Harbour Post", conflicting=True),
              _point(3, dt.date(2025, 2, 1), 19.0, "Plain Wire", high=math.inf),
              TimelinePoint(4, None, 19.0, 19.0, 19.0, "Undated Daily", "No date.", False)]
    ref = Reference(1, 1, 18.5, 17.5, 19.5, dt.date(2024, 1, 1), "Sample map", "Sample Institute",
                    "https://example.org/map", None, None, "tester", dt.datetime(2025, 1, 1))
    plot = build_plot(points, [ref], "percent")
    drawing = timeline_drawing(plot, 480, 180)

    def walk(node):
        for child in getattr(node, "contents", []):
            yield child
            if isinstance(child, Group):
                yield from walk(child)

    shapes = list(walk(drawing))
    strings = [s for s in shapes if isinstance(s, String)]
    texts = [s.text for s in strings]
    assert {s.fontName for s in strings} == {REGULAR}  # the briefing's font, Cyrillic-capable
    for outlet in ("Kyiv Notes", "Harbour Post", "Plain Wire"):
        assert outlet in texts
    assert "Undated Daily" not in texts
    assert "1 claim(s) without a date or value are not shown." in texts
    assert "conflicting figure" in texts and "reference figure" in texts
    assert any(t.endswith(" %") for t in texts)  # value axis in the measure's unit
    rings = [c for c in shapes if isinstance(c, Circle) and c.fillColor is None]
    assert len(rings) == 2  # the conflicting point's ring and its legend entry
    dashed = [ln for ln in shapes if isinstance(ln, Line) and ln.strokeDashArray]
    assert len(dashed) == 2  # the reference line and its legend entry
    assert all(0 <= s.x <= 480 and 0 <= s.y <= 180 for s in strings)


def test_the_section_escapes_a_measure_name(tmp_path: Path) -> None:
    from export.measure_timelines import GroupTimeline
    from export.pdf_briefing.timeline_section import timeline_flowables

    t = GroupTimeline(1, "Share <b>held</b> & AT&T", "percent",
                      tuple(_point(i, dt.date(2024, i, 1), 18.0 + i, "Kyiv Notes")
                            for i in range(1, 4)), ())
    [keep] = timeline_flowables(t)
    heading = keep._content[0]
    assert "&lt;b&gt;held&lt;/b&gt; &amp; AT&amp;T" in heading.text


def test_a_published_only_briefing_draws_published_claims_and_cited_references_only(
        tmp_path: Path) -> None:
    """Like the rest of that briefing: a claim no published check holds is not drawn, a ring
    says nothing about unpublished values, and a reference figure is drawn once cited."""
    from storage.measure_edits import add_reference
    from storage.reads import read_claim_detail

    db = open_database(tmp_path / "db.sqlite")
    for outlet, day, text in ARTICLES:
        _store(db, outlet, day, text)
    share = next(m for m in list_measures(db) if m.name == SHARE)
    add_reference(db, share.id, as_of=dt.date(2023, 1, 1), low="17.5", high="19.5",
                  source_title="Sample map", url="https://example.org/map", actor="tester")
    live = load_selection(db, "all")
    [timeline] = {g.timeline for g in live.groups if g.timeline is not None}
    outlets = {p.outlet for p in timeline.points}
    assert "Harbour Post" in outlets and len(timeline.references) == 1
    # Publish the check of the group holding the three values that agree (18 %, 19 %, 19 %);
    # Harbour Post's 25 % is in a group of its own, unpublished.
    kept = [p for p in timeline.points if p.outlet != "Harbour Post"]
    [group_id] = {read_claim_detail(db, p.claim_id).group_id for p in kept}

    _publish(db, group_id, "Another source", "https://example.org/other")
    [report] = load_selection(db, "published").groups
    t = report.timeline
    assert t is not None and t.published_only
    assert {p.claim_id for p in t.points} == {p.claim_id for p in kept}
    assert not any(p.conflicting for p in t.points)
    assert t.references == ()  # entered on the desk, cited by no published check
    # Everything else still sees the live database.
    assert any(p.outlet == "Harbour Post" for g in load_selection(db, "all").groups
               if g.timeline is not None for p in g.timeline.points)

    result = write_briefing([report], tmp_path / "published.pdf", publisher=PUBLISHER,
                            status="published")
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in pypdf.PdfReader(result.path).pages)
    assert "Harbour Post" not in text
    assert "Drawn from the published checks only." in text
    db.dispose()


def test_a_reference_a_published_check_cites_is_drawn_in_the_published_briefing(
        tmp_path: Path) -> None:
    from storage.measure_edits import add_reference
    from storage.reads import read_claim_detail

    db = open_database(tmp_path / "db.sqlite")
    for outlet, day, text in ARTICLES:
        _store(db, outlet, day, text)
    share = next(m for m in list_measures(db) if m.name == SHARE)
    add_reference(db, share.id, as_of=dt.date(2023, 1, 1), low="17.5", high="19.5",
                  source_title="Sample map", url="https://example.org/map", actor="tester")
    [group_id] = {read_claim_detail(db, c).group_id for c in
                  [p.claim_id for g in load_selection(db, "all").groups if g.timeline
                   for p in g.timeline.points if p.outlet == "Kyiv Notes"]}
    _publish(db, group_id, "Sample map", "https://example.org/map")
    [report] = load_selection(db, "published").groups
    assert report.timeline is not None
    assert [r.source_title for r in report.timeline.references] == ["Sample map"]
    db.dispose()


def test_a_published_only_timeline_never_draws_a_value_edited_after_publication(
        tmp_path: Path) -> None:
    """A claim reworded after its check was published keeps its published point (the same
    figures state the same value); a claim whose figure was edited (and measured again) is
    left out of the published-only timeline, never drawn with the new value. The live
    timeline shows the edit."""
    from extraction import parse_figures
    from storage.claims import edit
    from storage.reads import read_claim_detail
    from workflows.measuring import update_measures

    db = open_database(tmp_path / "db.sqlite")
    for outlet, day, text in ARTICLES:
        _store(db, outlet, day, text)
    [timeline] = {g.timeline for g in load_selection(db, "all").groups if g.timeline is not None}
    [kyiv] = [p for p in timeline.points if p.outlet == "Kyiv Notes"]
    assert kyiv.value == 18
    published = read_claim_detail(db, kyiv.claim_id)
    _publish(db, published.group_id, "Another source", "https://example.org/other")

    def rewrite(old: str, new: str) -> None:
        detail = read_claim_detail(db, kyiv.claim_id)
        sentence = detail.sentence.replace(old, new)
        assert sentence != detail.sentence
        figures = [f.to_json_dict() for f in parse_figures(sentence, offset=detail.start)]
        with db.write() as s:
            edit(s, kyiv.claim_id, {"sentence": sentence, "figures": figures,
                                    "end": detail.start + len(sentence)}, actor="tester")
        update_measures(db, only=[kyiv.claim_id])

    def points(status: str) -> list[TimelinePoint]:
        return [p for g in load_selection(db, status).groups if g.timeline is not None
                for p in g.timeline.points if p.claim_id == kyiv.claim_id]

    rewrite("military analysts said", "military analysts say")  # the same figures
    [point] = points("published")
    assert point.value == 18 and point.sentence == published.sentence

    rewrite("about 18 percent", "about 23 percent")
    assert points("all") and all(p.value == 23 for p in points("all"))
    assert points("published") == []
    db.dispose()


def test_the_key_under_a_chart_names_only_what_it_draws(tmp_path: Path) -> None:
    """No bars, no rings: the sentence under the chart does not talk about them."""
    from export.measure_timelines import GroupTimeline
    from export.pdf_briefing.timeline_section import timeline_flowables

    day = dt.date(2025, 1, 1)
    points = tuple(TimelinePoint(claim_id=i, date=day + dt.timedelta(days=30 * i), value=v,
                                 low=v, high=v, outlet=f"Outlet {i}", sentence="s",
                                 conflicting=False)
                   for i, v in enumerate((18.0, 19.0, 20.0)))
    [keep] = timeline_flowables(GroupTimeline(1, SHARE, "percent", points, ()))
    note = keep._content[-1].text
    assert "3 dated values from 3 outlets" in note
    assert "bars" not in note and "ring" not in note
    ringed = tuple(p if p.claim_id else TimelinePoint(
        claim_id=0, date=day, value=18.0, low=17.5, high=18.5, outlet="Outlet 0",
        sentence="s", conflicting=True) for p in points)
    [keep] = timeline_flowables(GroupTimeline(1, SHARE, "percent", ringed, ()))
    note = keep._content[-1].text
    assert "bars show each claim's stated interval" in note and "a ring marks" in note


def test_a_chart_with_no_values_says_so_instead_of_drawing_axes() -> None:
    plot = build_plot([], [], "percent")
    drawing = timeline_drawing(plot, 400, 160)
    kinds = {type(n).__name__ for n in drawing.contents}
    texts = [n.text for n in drawing.contents if isinstance(n, String)]
    assert kinds == {"String"}, kinds  # no grid, no axis line, no legend markers
    assert texts == ["No values to draw: no claim states a value of this measure."]
    undated = TimelinePoint(claim_id=1, date=None, value=3.0, low=3.0, high=3.0,
                            outlet="Outlet", sentence="s", conflicting=False)
    drawing = timeline_drawing(build_plot([undated, undated], [], "percent"), 400, 160)
    assert [n.text for n in drawing.contents] == [
        "No values to draw: 2 claims of this measure have no date or no value."]
