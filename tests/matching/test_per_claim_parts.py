"""What pair scoring now reads once per claim (matching.claim_parts) or once per pair
(FrameComparison.kinds) is what the per-pair functions it replaces say."""

from __future__ import annotations

from matching.claim_parts import parts_of
from matching.counted import kinds_differ
from matching.frames import compare_frames
from matching.predicates import (
    both_differ,
    lead_side,
    lead_sides_differ,
    stance,
    stances_differ,
    stances_of_texts_differ,
    stances_opposite,
)
from matching.records import record_signatures
from matching.slot import cumulative, undated_total_steps

# Our own sentences: stances, leading sides, running totals, counts of different kinds.
OWN = [
    "Kyiv accepted the 30-day truce on Tuesday, officials said.",
    "The Kremlin rejected the 30-day truce.",
    "A 30-day truce would only give the army a pause, he said.",
    "More than 3 million people have fled since the invasion began.",
    "4.6 million people have left the country so far, the agency said.",
    "Moscow said 400 shells hit the town on 3 May.",
    "400 civilians were evacuated from the town on 3 May.",
    "Ukraine and Russia swapped 205 prisoners each.",
    "Переговори в Стамбулі відхилили пропозицію про перемир'я на 30 днів.",
    "Опрос показал, что 54% россиян поддерживают переговоры с начала года.",
]


def _sigs():
    # (Every other claim undated: a running total as of a day no claim gives.)
    return record_signatures([{"id": k, "text": t, "date": "2025-05-06" if k % 2 else None}
                              for k, t in enumerate(OWN)])


def test_claim_parts_hold_the_stance_leading_side_and_running_total_of_the_words():
    sigs = _sigs()
    for s in sigs:
        p = parts_of(s)
        assert p.stance == stance(s.text)
        assert p.lead_side == lead_side(s.text)
        assert p.cumulative is cumulative(s.text)
    assert {parts_of(s).stance for s in sigs} >= {"accept", "refuse", None}
    assert sum(parts_of(s).cumulative for s in sigs) >= 2
    for a in sigs:
        for b in sigs:
            pa, pb = parts_of(a), parts_of(b)
            assert both_differ(pa.stance, pb.stance) is stances_opposite(a.text, b.text)
            assert both_differ(pa.lead_side, pb.lead_side) is lead_sides_differ(a.text, b.text)
            assert stances_of_texts_differ(a.text, b.text, pa.stance, pb.stance) is \
                stances_differ(a.text, b.text)


def test_undated_total_steps_with_the_running_totals_read_per_claim():
    sigs = _sigs()
    found = 0
    for a in sigs:
        for b in sigs:
            same = compare_frames(a.frames, b.frames).same_measure if a.frames and b.frames \
                else ()
            both = parts_of(a).cumulative and parts_of(b).cumulative
            steps = undated_total_steps(a.text, b.text, same, both)
            assert steps == undated_total_steps(a.text, b.text, same)
            found += bool(steps)
    assert found  # the two running totals of people who fled are two steps


def test_frame_comparison_keeps_what_each_counts_when_no_frames_pair():
    sigs = _sigs()
    told = 0
    for a in sigs:
        for b in sigs:
            if not (a.frames and b.frames):
                continue
            fc = compare_frames(a.frames, b.frames)
            expected = kinds_differ(a.frames, b.frames) if not fc.same_measure else None
            assert fc.kinds == expected
            told += fc.kinds is not None
    assert told  # shells and civilians
