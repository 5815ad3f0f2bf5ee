"""The same number of children and of people in one event are two counts, two claims
(matching.counted.children_against_all); children counted on both sides still meet."""

from __future__ import annotations

from matching.counted import children_against_all
from matching.decide import decide_pair
from matching.frames import compare_frames
from matching.pairs import Relation
from matching.signature import signature

# Written for this test.
CHILDREN = ("Five children were among those killed in the shelling of Sumy on 4 May 2024, police "
            "said.")
PEOPLE = "The shelling of Sumy on Saturday left 5 people dead, the regional governor said."
KIDS = "Five children were killed when Russian shells hit Sumy on 4 May 2024, the governor said."


def _sig(i: int, text: str):
    return signature(i, text, outlet=f"outlet{i}", date="2024-05-04")


def test_children_and_people_with_one_number_are_two_claims() -> None:
    a, b = _sig(0, CHILDREN), _sig(1, PEOPLE)
    assert children_against_all(compare_frames(a.frames, b.frames).agree)
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["children_counted"]


def test_children_on_both_sides_are_not_kept_apart() -> None:
    a, b = _sig(0, CHILDREN), _sig(1, KIDS)
    assert not children_against_all(compare_frames(a.frames, b.frames).agree)
    assert "children_counted" not in decide_pair(a, b, idf={}).explanation
