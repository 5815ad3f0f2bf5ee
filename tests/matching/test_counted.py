"""Counts of different things are different claims (matching.counted)."""

from __future__ import annotations

import pytest

from matching.counted import counted_kind, kinds_compatible
from matching.decide import decide_pair
from matching.frames import compare_frames
from matching.pairs import Relation
from matching.signature import signature


def _sig(i: int, text: str, date: str = "2024-05-04"):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def _kind(text: str, figure: str) -> str | None:
    start = text.index(figure)
    return counted_kind(text, start, start + len(figure))


@pytest.mark.parametrize(("text", "figure", "kind"), [
    ("Artillery fired 400 shells at Sumy on Friday.", "400", "shells"),
    ("Sumy came under fire from 400 Russian shells.", "400", "shells"),
    ("Officials moved 400 civilians out of Sumy.", "400", "civilians"),
    ("About 400 Russian soldiers died near Sumy.", "400", "troops"),
    ("The shelter held 400 people.", "400", "people"),
    ("Four hundred were hurt, officials said.", "Four hundred", None),
    # The kind is read in the figure's own clause: the civilians belong to the next figure.
    ("The blast killed 12, including 3 civilians.", "12", None),
])
def test_what_a_count_counts(text: str, figure: str, kind: str | None) -> None:
    assert _kind(text, figure) == kind


def test_people_in_general_meet_every_kind_of_people_but_no_thing() -> None:
    assert kinds_compatible("people", "civilians")
    assert kinds_compatible("troops", None)
    assert not kinds_compatible("troops", "civilians")
    assert not kinds_compatible("people", "shells")


def test_one_place_day_and_value_of_different_things_is_two_claims() -> None:
    shells = _sig(0, "On 3 May 2024 Russian forces fired 400 shells at Sumy, officials said.")
    moved = _sig(1, "On 3 May 2024, 400 civilians were evacuated from Sumy, officials said.")
    killed = _sig(2, "Kyiv said 400 Russian soldiers were killed near Sumy on 3 May 2024.")
    for a, b in ((shells, moved), (shells, killed), (moved, killed)):
        fc = compare_frames(a.frames, b.frames)
        assert not fc.same_measure and fc.measure_clash
        assert decide_pair(a, b, idf={}).relation is Relation.DIFFERENT


def test_the_same_count_in_other_words_still_pairs() -> None:
    a = _sig(0, "About 400 civilians were evacuated from Sumy on 3 May 2024.")
    b = _sig(1, "Sumy officials said 400 people left the city on 3 May 2024.")
    fc = compare_frames(a.frames, b.frames)
    assert fc.agree and not fc.measure_clash


def test_the_rule_is_explained() -> None:
    from matching.explain import why

    a = _sig(0, "On 3 May 2024 Russian forces fired 400 shells at Sumy, officials said.")
    b = _sig(1, "On 3 May 2024, 400 civilians were evacuated from Sumy, officials said.")
    text = why(decide_pair(a, b, idf={}).explanation, "different")
    assert "count different things (shells and civilians)" in text
