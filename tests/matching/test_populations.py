"""A share of a part of those asked is another claim than the same share of everyone
(matching.populations)."""

from __future__ import annotations

import pytest

from matching.decide import decide_pair
from matching.pairs import Relation
from matching.populations import restricted_population
from matching.signature import signature

PART = ("More than half of Ukrainians who favour peace talks say the country could give up "
        "some land for a deal, a new survey found.")


def _sig(i: int, text: str, date: str | None = None):
    return signature(i, text, outlet=f"outlet{i}", date=date)


@pytest.mark.parametrize(("text", "restricted"), [
    (PART, True),
    ("Among those who back talks, 52% would accept concessions.", True),
    ("Серед тих, хто підтримує переговори, 52% готові до поступок.", True),
    ("52% of respondents said the country could give up some land.", False),
    # Who was asked restricts nothing; nor does a clause that is the answer itself.
    ("52% of Ukrainians who took part in the survey backed talks.", False),
    ("Among those who were surveyed, 52% backed talks.", False),
    ("The share of those who want to fight on fell to 38%.", False),
])
def test_whom_a_share_is_of(text: str, restricted: bool) -> None:
    shares = [f for f in _sig(0, text, "2024-11-20").frames if f.cls == "percent"]
    assert shares and restricted_population(text, shares[0]) is restricted


def test_a_share_of_a_part_and_the_same_share_of_all_are_two_claims() -> None:
    a = _sig(0, PART, "2024-11-20")
    b = _sig(1, "52% of Ukrainians said in the survey the country could give up some land for "
                "a peace deal.")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["populations_differ"]


def test_the_same_part_on_both_sides_still_pairs() -> None:
    a = _sig(0, PART, "2024-11-20")
    b = _sig(1, "52% of Ukrainians who favour peace talks said in the survey the country could "
                "give up some land for a deal.")
    assert decide_pair(a, b, idf={}).relation is Relation.SAME


def test_why_names_the_share_of_the_part_first() -> None:
    from matching.explain import why
    a = _sig(0, PART, "2024-11-20")
    b = _sig(1, "52% of Ukrainians said in the survey the country could give up some land for "
                "a peace deal.")
    for x, y in ((a, b), (b, a)):
        assert "\u201cMore than half\u201d of a part of those asked, \u201c52%\u201d of all" in why(
            decide_pair(x, y, idf={}).explanation, "different")
