"""Small tolls, their updates and the places struck (sentences written for these tests): a small
count a toll governs is a value, a toll's measure is read across the dates in its clause, a
first report and the update that says the toll rose are two claims, and a town named as what
was struck sets two strikes apart."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.named_places import named_places
from matching.pairs import Relation
from matching.signature import signature

FIRST = "Six people were killed when a shell hit Bohodukhiv on 3 March 2024."
VAGUE_FIRST = "Nearly 10 people were killed when a shell hit Bohodukhiv on 3 March 2024."
UPDATE = ("The death toll from the 3 March 2024 strike on Bohodukhiv rose to 9 on "
          "4 March 2024, the town council said.")


def _sig(i: int, text: str, date: str = "2024-03-05"):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def _frames(text: str) -> list[tuple[str, float, float]]:
    return [(f.measure, f.low, f.high) for f in _sig(0, text).frames]


def test_a_small_count_a_toll_governs_is_its_value() -> None:
    assert _frames("The death toll of the 3 March 2024 strike on Bohodukhiv stood at 3.") == [
        ("killed", 2.5, 3.5)]
    assert [m for m, *_ in _frames(UPDATE)] == ["killed"]
    assert _frames("Число загиблих унаслідок обстрілу зросло до 5.")[0][1:] == (4.5, 5.5)


def test_small_counts_of_other_things_stay_wording() -> None:
    assert _frames("The two delegations agreed on 3 points.") == []
    assert _frames("Shelling rose to 3 regions overnight.") == []


def test_a_date_inside_the_clause_does_not_hide_the_measure() -> None:
    text = "By 4 March 2024, the number killed in the 3 March 2024 strike had climbed to 14."
    assert [m for m, *_ in _frames(text)] == ["killed"]


def test_a_first_report_and_the_update_that_says_the_toll_rose_are_two_claims() -> None:
    for first in (FIRST, VAGUE_FIRST):  # "nearly 10" agrees with 9 by value
        r = decide_pair(_sig(0, first, "2024-03-03"), _sig(1, UPDATE, "2024-03-04"), idf={})
        assert r.relation is Relation.DIFFERENT
        assert r.explanation["as_of_dates_differ"]


def test_a_toll_counts_people_against_a_count_of_children() -> None:
    toll = _sig(0, "The death toll of the 3 March 2024 strike on Bohodukhiv stood at 4.")
    kids = _sig(1, "Four children were among those killed in Bohodukhiv on 3 March 2024.")
    r = decide_pair(toll, kids, idf={})
    assert r.relation is Relation.DIFFERENT and r.explanation.get("children_counted")


def test_the_town_struck_is_a_named_place() -> None:
    assert [k for *_s, k in named_places("A drone strike on Bohodukhiv killed 4")] == ["bohod"]
    assert [k for *_s, k in named_places("A shell hit Zolochiv at night")] == ["zoloc"]
