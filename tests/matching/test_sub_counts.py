"""Agreeing only through a part of a count is no agreement (matching.sub_counts)."""

from __future__ import annotations

import pytest

from matching.decide import decide_pair
from matching.pairs import Relation
from matching.signature import signature
from matching.sub_counts import is_part

WHOLE = ("The strike on the depot killed 27 people, including the guard and 14 "
         "firefighters, while part of the roof fell in.")


def _sig(i: int, text: str, date: str | None = None):
    return signature(i, text, outlet=f"outlet{i}", date=date)


@pytest.mark.parametrize(("text", "figure", "part"), [
    (WHOLE, "14", True),
    (WHOLE, "27 people", False),
    ("Some 120 died, of whom 40 were children.", "40", True),
    ("Погибли 120 человек, в том числе 40 детей.", "40 детей", True),
    ("14 firefighters died in the strike.", "14", False),
])
def test_a_figure_given_as_part_of_another(text: str, figure: str, part: bool) -> None:
    frame = next(f for f in _sig(0, text, "2024-03-02").frames if f.text == figure)
    assert is_part(text, frame) is part


def test_a_part_agreeing_with_a_whole_that_clashes_is_two_claims() -> None:
    a = _sig(0, WHOLE, "2024-03-02")
    b = _sig(1, "14 people were killed in the strike on the depot and part of the roof fell "
                "in.", "2024-03-02")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["agree_only_in_part"]


def test_a_bare_toll_agreeing_with_a_part_is_read_against_the_whole() -> None:
    # The other claim's four is a toll of its own (no measure word near it): it meets the
    # part "14 firefighters" in value but says 14 died, where the first says 27 did.
    a = _sig(0, WHOLE, "2024-03-02")
    b = _sig(1, "Число жертв удара по складу за ночь, по словам спасателей, выросло до 14.")
    assert any(f.measure == "count" and f.low <= 14 <= f.high for f in b.frames)
    r = decide_pair(a, b, idf={})
    assert r.relation is not Relation.SAME


def test_the_same_whole_still_pairs() -> None:
    a = _sig(0, WHOLE, "2024-03-02")
    b = _sig(1, "27 people were killed in the strike on the depot and part of the roof fell "
                "in.", "2024-03-02")
    assert decide_pair(a, b, idf={}).relation is Relation.SAME


def test_why_says_the_figures_agree_only_in_part() -> None:
    from matching.explain import why
    a = _sig(0, WHOLE, "2024-03-02")
    b = _sig(1, "14 people were killed in the strike on the depot and part of the roof fell "
                "in.", "2024-03-02")
    assert "only through a part of a count" in why(decide_pair(a, b, idf={}).explanation,
                                                   "different")


FLOOR = ("The agency says more than 3 million people have crossed the border since March, "
         "including 410,000 pensioners.")


def test_parts_of_wholes_a_floor_rules_out_are_two_claims() -> None:
    a = _sig(0, FLOOR, "2024-05-02")
    b = _sig(1, "Roughly 2.6 million people have crossed the border since March, the agency "
                "says, including more than 400,000 pensioners.", "2024-09-20")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["agree_only_in_part"]


def test_parts_of_one_whole_still_pair() -> None:
    a = _sig(0, FLOOR, "2024-05-02")
    b = _sig(1, "Over 3 million people have crossed the border since March, the agency says, "
                "including 410,000 pensioners.", "2024-05-03")
    assert decide_pair(a, b, idf={}).relation is Relation.SAME
