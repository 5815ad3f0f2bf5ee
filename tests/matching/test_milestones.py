"""A count said to pass a mark is a floor at that mark (matching.milestones)."""

from __future__ import annotations

import pytest

from matching.decide import decide_pair
from matching.milestones import crossed_mark
from matching.pairs import Relation
from matching.signature import signature

PASSED = ("The number of people internally displaced by the war has exceeded the 6 million "
          "mark, a migration agency report found.")


def _sig(i: int, text: str, date: str | None):
    return signature(i, text, outlet=f"outlet{i}", date=date)


@pytest.mark.parametrize(("text", "mark"), [
    (PASSED, 6e6),
    ("Deaths in the region have surpassed 1,200, local officials said.", 1200.0),
    ("The toll topped 40 on Sunday.", 40.0),
    ("The number of refugees reached 6 million on Monday.", 6e6),
    ("Russian troops pushed 12 kilometres into the region.", None),
    ("More than 6 million people have fled.", None),
])
def test_a_verb_of_crossing_before_the_figure_makes_it_a_mark(text: str, mark: float | None
                                                               ) -> None:
    sig = _sig(0, text, "2023-06-10")
    found = [crossed_mark(text, f) for f in sig.frames if f.measure != "date"]
    assert found and found[0] == mark


def test_a_count_below_the_mark_is_an_earlier_step_not_the_same_claim() -> None:
    a = _sig(0, PASSED, "2023-06-10")
    b = _sig(1, "Over 5.2 million people have been internally displaced since the war began, "
                "according to a migration agency report.", None)
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["running_count"]


def test_a_count_at_or_above_the_mark_still_pairs() -> None:
    a = _sig(0, PASSED, "2023-06-10")
    b = _sig(1, "Over 6 million people have been internally displaced since the war began, "
                "according to a migration agency report.", None)
    assert decide_pair(a, b, idf={}).relation is Relation.SAME


def test_a_value_said_to_fall_short_of_the_mark_is_an_earlier_step() -> None:
    a = _sig(0, "The number of refugees who fled the war reached five million on Tuesday, the "
                "UN agency said.", None)
    b = _sig(1, "Nearly five million refugees have fled the war, the UN agency said.", None)
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["running_count"]
