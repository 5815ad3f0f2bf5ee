"""Which groups an export covers, and conflicting figures derived from the claims' figures."""

from __future__ import annotations

import datetime as dt

from export.data import Appearance, conflicting_figures, load_selection


def _app(claim_id: int, outlet: str, *figures: tuple[str, object, str, str]) -> Appearance:
    return Appearance(claim_id=claim_id, outlet=outlet, published=dt.date(2025, 3, claim_id),
                      sentence=f"s{claim_id}", url=None, article_title=None, claimant=None,
                      figures=tuple({"text": t, "value": v, "unit": u, "kind": k} for t, v, u, k in figures))


def test_status_choices_select_the_right_groups(newsroom):
    published = load_selection(newsroom.db, "published")
    assert [g.id for g in published.groups] == newsroom.published
    approved = load_selection(newsroom.db, "approved")
    assert [g.id for g in approved.groups] == sorted([*newsroom.published, newsroom.approved])
    everything = load_selection(newsroom.db, "all")
    assert len(everything.groups) == 7
    assert everything.groups[newsroom.unrated - 1].rating_label == "Not yet rated"
    assert everything.groups[newsroom.unrated - 1].verdict is None


def test_asked_for_groups_report_what_is_missing_or_left_out(newsroom):
    sel = load_selection(newsroom.db, "published", [newsroom.kursk, newsroom.draft, newsroom.unrated, 999])
    assert [g.id for g in sel.groups] == [newsroom.kursk]
    assert sel.missing == [999]
    assert sel.skipped == {newsroom.draft: "its verdict is draft",
                           newsroom.unrated: "it has no verdict yet"}


def test_group_report_holds_appearances_evidence_and_publication_date(newsroom):
    g = load_selection(newsroom.db, "all", [newsroom.kursk]).groups[0]
    assert g.outlets == ["Sample: Northern Ledger", "Sample: Baltic Morning Post"]  # by date
    assert g.first_published == dt.date(2025, 3, 12)
    assert g.verdict.published_at is not None
    assert [e.title for e in g.verdict.evidence] == ["War Report Card"]
    assert g.status_label == "Published"


def test_conflict_when_neither_claim_supports_the_others_figure():
    [c] = conflicting_figures([
        _app(1, "A", ("79", 79, "sq mi", "area"), ("470", 470, "sq mi", "area")),
        _app(2, "B", ("about 120", 120, "sq mi", "area"), ("470", 470, "sq mi", "area")),
    ])
    assert (c.kind, c.unit) == ("area", "sq mi")
    assert {(f.text, f.disputed) for f in c.figures} == {
        ("79", True), ("about 120", True), ("470", False)}


def test_no_conflict_within_rounding_or_when_one_claim_says_less():
    assert conflicting_figures([
        _app(1, "A", ("18%", 18, "percent", "share")),
        _app(2, "B", ("20%", 20, "percent", "share")),  # "about a fifth": rounding of 18
        _app(3, "C", ("43,000", 43000, "people", "count")),
        _app(4, "D", ("43,300", 43300, "people", "count")),
    ]) == []
    assert conflicting_figures([  # one only mentions the peak
        _app(1, "A", ("79", 79, "sq mi", "area"), ("470", 470, "sq mi", "area")),
        _app(2, "B", ("470", 470, "sq mi", "area")),
    ]) == []
    assert conflicting_figures([  # different units are not compared
        _app(1, "A", ("110 sq mi", 110, "sq mi", "area")),
        _app(2, "B", ("285 km2", 285, "km2", "area")),
    ]) == []


def test_conflicting_dates_and_small_percentages_are_found():
    [dates] = conflicting_figures([
        _app(1, "A", ("12 February 2015", "2015-02-12", "", "date")),
        _app(2, "B", ("Feb. 11, 2015", "2015-02-11", "", "date")),
    ])
    assert dates.kind == "date"
    [share] = conflicting_figures([
        _app(1, "A", ("0.6%", 0.6, "percent", "share")),
        _app(2, "B", ("1.5 per cent", 1.5, "percent", "share")),
    ])
    assert all(f.disputed for f in share.figures)
    assert conflicting_figures([_app(1, "A", ("x", float("nan"), "", "")),
                                _app(2, "B", ("y", True, "", ""))]) == []


def test_groups_that_matching_linked_as_contradicting_are_listed_both_ways(newsroom):
    from storage.match_store import add_conflict

    with newsroom.db.write() as s:
        add_conflict(s, newsroom.kursk, newsroom.draft,
                     {"figures_differ": [["about 120 square miles", "110 square miles"]],
                      "similarity": 0.7})
    sel = load_selection(newsroom.db, "all", [newsroom.kursk, newsroom.draft])
    kursk, draft = sel.groups
    [other] = kursk.conflicting_groups
    assert (other.group_id, other.canonical_text, other.rating) == (newsroom.draft, newsroom.DRAFT, "true")
    assert other.outlets == ("Sample: Northern Ledger",)
    assert other.differing == (("about 120 square miles", "110 square miles"),)
    assert [c.group_id for c in draft.conflicting_groups] == [newsroom.kursk]
    assert draft.has_conflicts and not draft.conflicts
