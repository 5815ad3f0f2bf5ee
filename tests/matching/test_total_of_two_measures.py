"""One figure before two measures joined by "and" ("320 drones and missiles") is their total,
a measure of its own: it does not agree with the same number of the first kind alone; and a
figure is found where it stands, not inside a date of the same digits (#15). Sentences written
for the test."""

from __future__ import annotations

from extraction import parse_figures
from matching.figures import quantities
from matching.frame_text import measure_label
from matching.frames import claim_frames


def frames_of(text):
    figs = [f.to_json_dict() for f in parse_figures(text)]
    return claim_frames(text, quantities(figs), None)


def test_a_total_of_two_kinds_is_its_own_measure():
    (f,) = frames_of("The army said 320 drones and missiles were fired overnight.")
    assert f.measure == "drones+missiles"
    assert measure_label(f.measure) == "Drones and missiles"


def test_two_counts_keep_their_own_measures():
    frames = frames_of("The army said 300 drones and 20 missiles were fired overnight.")
    assert [f.measure for f in frames] == ["drones", "missiles"]


def test_one_kind_said_twice_is_no_total():
    (f,) = frames_of("It downed 45 drones and drones of other types.")
    assert f.measure == "drones"


def test_a_count_is_found_past_a_date_with_the_same_digits():
    # "12" first stands in the date; the count is the hyphenated "12-step plan", which names a
    # thing: the claim is about its date.
    (f,) = frames_of("Officials set a June 12 deadline for the 12-step plan.")
    assert f.measure == "date"
