"""The slot of two claims' values (matching.slot): a conflict needs one measure in one period,
bounds on either side of one small value cannot both be right, a figure naming a thing
("a 28-point plan") is no agreement, and the conflict banner names one period on both sides."""

from __future__ import annotations

import numpy as np

from matching.blocking import blocking_keys, candidate_pairs
from matching.conflict_banner import slot_conflict_lines
from matching.decide import decide_pair
from matching.frames import frame_conflicts
from matching.pair_model import default_model
from matching.pairs import Relation
from matching.signature import signature
from matching.slot import opposite_bounds, slot_contradictions, slot_period_ok
from tests.matching.conftest import source_of


def _sig(i: int, text: str, date: str):
    return signature(i, text, date=date)


def test_values_of_different_periods_are_two_claims_never_a_conflict():
    a = _sig(1, "At the peak of the incursion in September 2024 the brigade held some 470 "
                "square miles of the border district.", "2025-03-14")
    b = _sig(2, "The brigade now holds 79 square miles of the border district.", "2025-03-14")
    clash = frame_conflicts(a.frames, b.frames)
    assert clash, "the frames read two values of one measure apart"
    assert not slot_contradictions(a.frames, b.frames, clash)
    assert all(not slot_period_ok(x, y) for x, y in clash)
    res = decide_pair(a, b, idf={})
    assert res.relation is not Relation.CONFLICT
    assert res.relation is not Relation.SAME


def test_one_period_known_on_both_sides_must_be_one_month():
    a = _sig(1, "Floods in the lower valley killed 29 people, the regional office said.",
             "2023-06-10")
    b = _sig(2, "Floods in the lower valley killed 25 people, the regional office said.",
             "2023-06-12")
    c = _sig(3, "Floods in the lower valley killed 25 people, the regional office said.",
             "2023-08-20")
    assert slot_contradictions(a.frames, b.frames, frame_conflicts(a.frames, b.frames))
    assert not slot_contradictions(a.frames, c.frames, frame_conflicts(a.frames, c.frames))


def test_bounds_on_either_side_of_one_small_value_cannot_both_be_right():
    a = _sig(1, "The summit in the port city lasted just under three hours.", "2025-08-15")
    b = _sig(2, "The summit in the port city lasted more than three hours.", "2025-08-15")
    assert opposite_bounds(a.frames, b.frames)
    assert slot_contradictions(a.frames, b.frames, frame_conflicts(a.frames, b.frames))
    assert decide_pair(a, b, idf={}).relation is not Relation.SAME
    # Two roundings of one large figure are not bounds apart.
    c = _sig(3, "Troops retook almost 6,000 square kilometres this month.", "2022-09-12")
    d = _sig(4, "Troops retook more than 6,000 square kilometres this month.", "2022-09-12")
    assert not opposite_bounds(c.frames, d.frames)


def test_the_slot_key_makes_claims_with_other_values_of_one_measure_and_day_candidates():
    a = _sig(1, "Overnight the air force downed 211 drones over the western region.",
             "2025-06-29")
    b = _sig(2, "Local channels reported 249 drones shot down over the western region.",
             "2025-06-29")
    keys_a = {k for k, _w in blocking_keys(a, {})}
    keys_b = {k for k, _w in blocking_keys(b, {})}
    assert {k for k in keys_a & keys_b if k.startswith("s:")}
    pairs = candidate_pairs([a, b], {})
    assert np.array_equal(pairs, np.array([[0, 1]]))


def test_the_banner_names_one_measure_and_period_on_both_sides():
    ours = [source_of(1, "The brigade now holds 79 square miles of the border district.",
                    "2025-03-14")]
    theirs = [source_of(2, "At the peak of the incursion in September 2024 the brigade held some "
                         "470 square miles of the border district.", "2025-03-14")]
    assert slot_conflict_lines(ours, theirs) == []
    same_period = [source_of(3, "The brigade now holds 120 square miles of the border district.",
                           "2025-03-15")]
    lines = slot_conflict_lines(ours, same_period)
    assert len(lines) == 1 and "here" in lines[0] and "elsewhere" in lines[0]
    assert " here, " not in lines[0]  # one period, not "X here, Y elsewhere"


def test_a_conflict_explanation_names_both_values_intervals_and_the_deciding_features():
    a = _sig(1, "Governor Petrenko said the column advanced 12 kilometres into the district.",
             "2024-08-12")
    b = _sig(2, "Governor Petrenko said the column advanced 11 kilometres into the district.",
             "2024-08-12")
    m = default_model()
    res = decide_pair(a, b, idf={}, model=m)
    frames = res.explanation.get("frames_differ")
    assert frames and frames[0]["measure"] == "distance"
    assert len(frames[0]["intervals"]) == 2 and all(frames[0]["intervals"])
    if res.relation is Relation.CONFLICT:
        assert res.explanation["deciding"]


def test_a_day_worked_out_from_a_weekday_never_makes_a_conflict():
    from matching.records import record_signatures

    flew, phoned, stated, other = record_signatures([
        {"id": "a", "date": "2025-06-14",
         "text": "The envoy flew to the capital on Thursday to present the proposal."},
        {"id": "b", "date": "2025-06-14",
         "text": "The adviser phoned the envoy on Wednesday to brief him on the talks."},
        {"id": "c", "date": "2025-11-21", "text": "The deadline for the reply is November 27."},
        {"id": "d", "date": "2025-11-21", "text": "The deadline for the reply is November 28."},
    ])
    clash = frame_conflicts(flew.frames, phoned.frames)
    assert clash, "two days read from weekdays differ"
    assert not slot_contradictions(flew.frames, phoned.frames, clash)
    assert decide_pair(flew, phoned, idf={}).relation is not Relation.CONFLICT
    # Days stated in figures still do.
    assert slot_contradictions(stated.frames, other.frames,
                               frame_conflicts(stated.frames, other.frames))


def test_a_bound_of_a_large_count_is_a_running_total_not_a_conflict():
    floor = _sig(1, "More than six million people have fled the country, the agency said.",
                 "2022-05-04")
    count = _sig(2, "The agency said 5,740,215 people had fled the country.", "2022-05-04")
    clash = frame_conflicts(floor.frames, count.frames)
    assert clash, "the floor excludes the count"
    assert not slot_contradictions(floor.frames, count.frames, clash)
    assert decide_pair(floor, count, idf={}).relation is not Relation.CONFLICT
    # Against a small value a bound still clashes ("at least 120" dead / 87 dead).
    few = _sig(3, "At least 120 people died in the flood, the agency said.", "2022-05-04")
    exact = _sig(4, "The agency said 87 people died in the flood.", "2022-05-04")
    assert slot_contradictions(few.frames, exact.frames, frame_conflicts(few.frames, exact.frames))


def test_hedged_values_of_a_large_figure_still_clash():
    one = _sig(1, "Over the past month the army gained about 640 square kilometres, the monitor said.",
               "2025-03-12")
    two = _sig(2, "Over the past month the army gained roughly 410 square kilometres, the monitor said.",
               "2025-03-12")
    assert slot_contradictions(one.frames, two.frames, frame_conflicts(one.frames, two.frames))


def test_one_figure_misreported_is_a_conflict_whatever_the_words():
    """Another precise figure agrees and the clashing ones are near: one event, one figure
    misreported, even when the two wordings share almost nothing (the slot model reads
    words)."""
    from matching.explain import why

    a = signature(1, "Final tally in the chamber: 311 to 112.", date="2026-04-20")
    b = signature(2, "Lawmakers who backed the ferry bill numbered 310, and 112 opposed it.",
                  date="2026-04-20")
    result = decide_pair(a, b, idf={})
    assert result.relation is Relation.CONFLICT
    assert "one figure misreported" in why(result.explanation, "conflict")
    # Nothing agrees beside the clash: left to the slot model (different here).
    c = signature(3, "Lawmakers who backed the ferry bill numbered 310.", date="2026-04-20")
    assert decide_pair(a, c, idf={}).relation is not Relation.CONFLICT
    # Far apart values beside an agreeing one: two events as often as one misreport.
    d = signature(4, "Lawmakers who backed the ferry bill numbered 140, and 112 opposed it.",
                  date="2026-04-20")
    assert decide_pair(a, d, idf={}).relation is not Relation.CONFLICT
