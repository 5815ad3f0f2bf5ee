"""#19: measures kept in the database: values, person edits that survive re-matching and undo,
reference figures and the comparison they suggest (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from extraction import parse_figures
from storage.articles import NewArticle, NewClaim, add_article
from storage.measure_edits import (
    add_reference,
    delete_reference,
    merge_measures,
    rename_measure,
    split_measure,
    undo_measure_edit,
)
from storage.measures import (
    CONSISTENT,
    CONTRADICTS,
    NO_REFERENCE,
    MeasureInputError,
    compare_with_reference,
    list_measures,
    measures_of_claim,
    references,
    resolve,
    timeline_points,
)
from storage.models import AuditEntry, Claim, Rating, Verdict
from workflows.measuring import remeasure_all, update_measures

SHARE = [
    ("Outlet A", "2022-06-02", "Russia controls about 20 per cent of Ukraine."),
    ("Outlet B", "2024-11-20", "Russia holds about 18% of Ukraine's territory."),
    ("Outlet C", "2025-03-12", "Russia now controls about 19% of Ukraine."),
    ("Outlet D", "2025-03-22", "Russia now holds about a third of Ukraine."),
]
GAIN = [
    ("Outlet A", "2024-12-01", "In November 2024 Russian forces captured 725 square kilometres "
                               "of Ukrainian territory."),
    ("Outlet B", "2025-03-16", "Over the month to March 11, Moscow's net advance came to about "
                               "285 square kilometres."),
]


def _store(db, rows) -> list[int]:
    ids = []
    for n, (outlet, day, text) in enumerate(rows):
        published = dt.date.fromisoformat(day)
        figures = [f.to_json_dict() for f in parse_figures(text, published=published)]
        with db.write() as session:
            aid = add_article(session, NewArticle(outlet=outlet, text=text, published=published,
                                                  content_hash=f"{outlet}-{day}-{n}-{text[:20]}"),
                              [NewClaim(sentence=text, start=0, end=len(text), figures=figures)],
                              actor="t")
            ids.append(session.execute(select(Claim.id).where(Claim.article_id == aid))
                       .scalar_one())
    return ids


def _by_name(db, words: str):
    return next(r for r in list_measures(db) if words in r.name)


def test_claims_of_one_measure_form_it_across_periods(db):
    share_ids = _store(db, SHARE)
    gain_ids = _store(db, GAIN)
    report = update_measures(db)
    assert report.scanned == len(share_ids) + len(gain_ids)
    share = _by_name(db, "Share of Ukraine held by Russia")
    assert share.claims == 4 and share.outlets == 4 and share.unit == "percent"
    assert share.low == pytest.approx(18) and share.high == pytest.approx(100 / 3, rel=1e-3)
    assert share.latest_date == dt.date(2025, 3, 22)
    points = timeline_points(db, share.id)
    assert [p.claim_id for p in points] == share_ids  # by date
    assert points[0].date == dt.date(2022, 6, 2) and points[0].value_text == "20 %"
    gain = _by_name(db, "gained by Russia, per month")
    assert {p.claim_id for p in timeline_points(db, gain.id)} == set(gain_ids)
    assert timeline_points(db, gain.id)[0].date == dt.date(2024, 11, 15)  # the stated month
    # Scanning again changes nothing: every claim is marked scanned.
    assert update_measures(db).scanned == 0


def test_reference_suggests_consistent_contradicts_or_none_and_changes_no_rating(db):
    ids = _store(db, SHARE)
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    assert {c.kind for c in compare_with_reference(db, measure_id=share.id)} == {NO_REFERENCE}
    ref = add_reference(db, share.id, value=19, low=18, high=20, as_of="2024-06-01",
                        source_title="Control of terrain", url="https://example.org/map",
                        publisher="Example Institute", quote="about 19 per cent", actor="ana")
    assert references(db, share.id) == [ref] and ref.entered_by == "ana"
    kinds = {c.claim_id: c.kind for c in compare_with_reference(db, measure_id=share.id)}
    # 2022 precedes the reference: nothing to compare it with; "a third" contradicts it.
    assert kinds == {ids[0]: NO_REFERENCE, ids[1]: CONSISTENT, ids[2]: CONSISTENT,
                     ids[3]: CONTRADICTS}
    [one] = compare_with_reference(db, claim_id=ids[3])
    assert one.reference == ref and one.reference_interval == (18, 20)
    assert one.claim_interval[0] > 20
    with db.read() as session:
        assert session.execute(select(Verdict)).first() is None  # a suggestion, never a rating
        actions = [a.action for a in session.execute(select(AuditEntry)).scalars()]
    assert "reference_add" in actions
    assert Rating.FALSE  # the rating scale is untouched by comparisons
    delete_reference(db, ref.id, actor="ana")
    assert references(db, share.id) == []


def test_reference_input_errors_are_sentences(db):
    _store(db, SHARE)
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    bad = [dict(value="x"), dict(value=None), dict(low=5, high=1),
           dict(value=30, low=1, high=2), dict(value=1, url="javascript:alert(1)"),
           dict(value=1, as_of="2025-13-01"), dict(value=1, source_title=" ")]
    for extra in bad:
        kwargs = dict(as_of="2025-01-01", source_title="T", url="https://example.org") | extra
        with pytest.raises(MeasureInputError) as err:
            add_reference(db, share.id, actor="ana", **kwargs)
        assert str(err.value).endswith(".")
    with pytest.raises(MeasureInputError, match="no measure 9999"):
        add_reference(db, 9999, value=1, as_of="2025-01-01", source_title="T", actor="ana")


def test_rename_merge_split_undo_and_decisions_survive_rematching(db):
    share_ids = _store(db, SHARE)
    gain_ids = _store(db, GAIN)
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    gain = _by_name(db, "gained by Russia, per month")

    rename = rename_measure(db, share.id, "Russian-held share", actor="ana")
    assert _by_name(db, "Russian-held share").renamed
    split = split_measure(db, share.id, [share_ids[3]], actor="ana", name="Exaggerations")
    assert {p.claim_id for p in timeline_points(db, split.other_id)} == {share_ids[3]}
    assert share_ids[3] not in {p.claim_id for p in timeline_points(db, share.id)}
    merge = merge_measures(db, share.id, gain.id, actor="ana")
    assert resolve(db, gain.id) == share.id
    assert {p.claim_id for p in timeline_points(db, share.id)} == set(share_ids[:3] + gain_ids)

    # Re-matching from scratch keeps the name, the split and the merge.
    remeasure_all(db)
    names = {r.name: r for r in list_measures(db, min_claims=1)}
    assert "Russian-held share" in names and "Exaggerations" in names
    assert {p.claim_id for p in timeline_points(db, share.id)} == set(share_ids[:3] + gain_ids)
    assert measures_of_claim(db, share_ids[3]) == [split.other_id]

    undo_measure_edit(db, merge, actor="ana")
    assert {p.claim_id for p in timeline_points(db, gain.id)} == set(gain_ids)
    undo_measure_edit(db, split, actor="ana")
    assert share_ids[3] in {p.claim_id for p in timeline_points(db, share.id)}
    assert all(r.id != split.other_id for r in list_measures(db, min_claims=0))
    undo_measure_edit(db, rename, actor="ana")
    assert _by_name(db, "Share of Ukraine held by Russia").id == share.id
    with db.read() as session:
        actions = {a.action for a in session.execute(select(AuditEntry)).scalars()}
    assert {"measure_rename", "measure_split", "measure_merge", "measure_merge_undone",
            "measure_split_undone", "measure_rename_undone"} <= actions


def test_edit_errors_are_sentences(db):
    share_ids = _store(db, SHARE)
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    with pytest.raises(MeasureInputError, match="itself"):
        merge_measures(db, share.id, share.id, actor="ana")
    with pytest.raises(MeasureInputError, match="Choose the claims"):
        split_measure(db, share.id, [], actor="ana")
    with pytest.raises(MeasureInputError, match="is not in measure"):
        split_measure(db, share.id, [share_ids[0], 123456], actor="ana")
    with pytest.raises(MeasureInputError, match="no measure"):
        timeline_points(db, 123456)


def test_same_period_values_that_disagree_are_marked_conflicting(db):
    ids = _store(db, [
        ("Outlet A", "2025-03-16", "Over the month to March 11, Moscow's net advance came to "
                                   "about 285 square kilometres."),
        ("Outlet B", "2025-03-22", "In the month to March 11, Russian forces gained some 1,100 "
                                   "square kilometres of Ukrainian land."),
        ("Outlet C", "2024-12-01", "In November 2024 Russian forces captured 725 square "
                                   "kilometres of Ukrainian territory."),
    ])
    update_measures(db)
    gain = _by_name(db, "gained by Russia, per month")
    flags = {p.claim_id: p.conflicting for p in timeline_points(db, gain.id)}
    assert flags == {ids[0]: True, ids[1]: True, ids[2]: False}


def test_a_rejected_claim_leaves_the_measure(db):
    from storage.claims import set_status

    ids = _store(db, SHARE)
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    with db.write() as session:
        set_status(session, [ids[3]], "rejected", actor="ana")
    assert ids[3] not in {p.claim_id for p in timeline_points(db, share.id)}
    assert _by_name(db, "Share of Ukraine held by Russia").claims == 3


def _members(db) -> set[tuple]:
    from storage.measure_models import Measure, MeasureMember

    with db.read() as session:
        return set(session.execute(
            select(Measure.key, MeasureMember.claim_id, MeasureMember.figure, MeasureMember.value,
                   MeasureMember.low, MeasureMember.high, MeasureMember.period)
            .join(Measure, Measure.id == MeasureMember.measure_id)).all())


def test_measures_read_off_matchings_signatures_equal_those_read_from_the_database(db):
    from matching.incremental import run_matching
    from workflows.measuring import match_and_measure

    _store(db, SHARE + GAIN)
    grouped: list = []
    run_matching(db, actor="t", keep_signatures=grouped.extend)
    assert len(grouped) == len(SHARE + GAIN) and not _members(db)
    report = update_measures(db, signatures=grouped)
    assert report.scanned == len(SHARE + GAIN)
    from_signatures = _members(db)
    remeasure_all(db)
    assert _members(db) == from_signatures and len(from_signatures) == len(SHARE + GAIN)
    # The path imports and the command line take gives the same.
    more = _store(db, [("Outlet E", "2025-04-01", "Russia holds about 20% of Ukraine now.")])
    match_and_measure(db, actor="t", only=more)
    assert {c for _k, c, *_ in _members(db)} >= set(more)


def test_editing_a_claims_text_or_figures_redoes_its_measures(db):
    from storage.actions import write_fields

    ids = _store(db, SHARE[:2])
    update_measures(db)
    share = _by_name(db, "Share of Ukraine held by Russia")
    assert share.claims == 2
    # The person corrects the second claim's value: the measure shows the new value.
    text = "Russia holds about 17% of Ukraine's territory."
    figures = [f.to_json_dict() for f in parse_figures(text, published=dt.date(2024, 11, 20))]
    write_fields(db, ids[1], {"sentence": text, "end": len(text), "figures": figures},
                 actor="t")
    update_measures(db)
    values = {p.claim_id: p.value for p in timeline_points(db, share.id)}
    assert values[ids[1]] == pytest.approx(17)
    # The person rewrites it into a claim of no measure (through the window's path, which
    # works the measures out at once): it leaves the measure.
    from workflows.measuring import edit_claim

    text = "The talks went on late into the night."
    edit_claim(db, ids[1], {"sentence": text, "end": len(text), "figures": []}, actor="t")
    assert [p.claim_id for p in timeline_points(db, share.id)] == [ids[0]]
    assert measures_of_claim(db, ids[1]) == []


def test_a_better_name_from_matching_replaces_the_old_one_but_never_a_persons(db):
    from storage.measure_models import Measure

    _store(db, SHARE[:2] + GAIN)
    update_measures(db)
    share, gain = _by_name(db, "Share of Ukraine held"), _by_name(db, "per month")
    with db.write() as session:  # as an older version named them
        for mid in (share.id, gain.id):
            session.get(Measure, mid).name = "Share (old name)"
    rename_measure(db, gain.id, "Our monthly gain", actor="t")
    remeasure_all(db)
    names = {r.id: r.name for r in list_measures(db)}
    assert names[share.id] == "Share of Ukraine held by Russia"
    assert names[gain.id] == "Our monthly gain"


def test_a_stated_period_is_never_plotted_after_the_day_it_was_said():
    from storage.measures import point_date

    said = dt.date(2025, 6, 4)
    assert point_date("2025", True, said) == said  # a year is mid-year, not yet come
    assert point_date("2025-03", True, said) == dt.date(2025, 3, 15)
    assert point_date("2024", True, said) == dt.date(2024, 7, 1)
