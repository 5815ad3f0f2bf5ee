"""One amount of two kinds of money is two claims (matching.money_kinds)."""

from __future__ import annotations

import pytest

from matching.decide import decide_pair
from matching.money_kinds import money_kind, money_source
from matching.pairs import Relation
from matching.signature import signature

MILITARY = ("Donors have so far committed military aid worth 18.4 billion euros to the country "
            "this year, the institute said.")


def _sig(i: int, text: str, date: str | None = None):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def _kind(text: str, figure: str) -> str | None:
    start = text.index(figure)
    return money_kind(text, start, start + len(figure))


@pytest.mark.parametrize(("text", "figure", "kind"), [
    (MILITARY, "18.4 billion", "military"),
    ("Kyiv got 2 billion dollars of humanitarian help.", "2 billion", "humanitarian"),
    ("The fund gives 5 billion euros of budget support.", "5 billion", "financial"),
    ("In all, the total reached 30 billion euros.", "30 billion", "total"),
    ("Total military aid came to 30 billion euros.", "30 billion", "military"),
    ("The fund holds 33 billion euros in loans.", "33 billion", "loans"),
    ("Україна отримала військову допомогу на 3 мільярди євро.", "3 мільярди", "military"),
    # The kind is read in the figure's own clause only.
    ("Military aid was cut, and 7 billion euros went to schools.", "7 billion", None),
])
def test_what_a_sum_of_money_is(text: str, figure: str, kind: str | None) -> None:
    assert _kind(text, figure) == kind


def test_military_aid_and_a_total_of_one_amount_are_two_claims() -> None:
    a = _sig(0, MILITARY, "2024-10-10")
    b = _sig(1, "In 2024 the total committed by donors so far is 18.4 billion euros, the "
                "institute said.")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["money_kinds_differ"] == ["military", "total"]


@pytest.mark.parametrize("other", [
    "The institute said donors committed 18.4 billion euros in weapons and other military "
    "aid in 2024.",
    "The institute said donors committed 18.4 billion euros to the country in 2024.",
])
def test_the_same_kind_or_no_kind_still_pairs(other: str) -> None:
    a = _sig(0, MILITARY, "2024-10-10")
    assert decide_pair(a, _sig(1, other), idf={}).relation is Relation.SAME


def test_military_aid_and_loans_of_one_amount_are_two_claims_loans_meet_financial() -> None:
    a = _sig(0, MILITARY, "2024-10-10")
    b = _sig(1, "The new fund combines 18.4 billion euros in loans to the country this year, "
                "the institute said.")
    assert decide_pair(a, b, idf={}).explanation.get("money_kinds_differ") == ["military", "loans"]
    c = _sig(2, "Donors have so far committed financial aid worth 18.4 billion euros to the "
                "country this year, the institute said.")
    assert decide_pair(b, c, idf={}).explanation.get("money_kinds_differ") is None


def test_why_names_the_two_kinds_of_money() -> None:
    from matching.explain import why
    a = _sig(0, MILITARY, "2024-10-10")
    b = _sig(1, "In 2024 the total committed by donors so far is 18.4 billion euros, the "
                "institute said.")
    assert "different kinds of money (military and total)" in why(
        decide_pair(a, b, idf={}).explanation, "different")


ASSETS = ("Under the draft, 40 billion dollars of frozen Russian state assets would pay for "
          "rebuilding schools in the east.")
ADDED = "Under the draft, donors would add 40 billion dollars for rebuilding schools in the east."


@pytest.mark.parametrize(("text", "figure", "source"), [
    (ASSETS, "40 billion", "assets"),
    (ADDED, "40 billion", "given"),
    ("Японія додасть 3 мільярди доларів на відбудову.", "3 мільярди", "given"),
    # Assets anywhere in the sentence: an added sum may come from them.
    ("Donors would add 40 billion dollars, all of it taken from immobilised assets.",
     "40 billion", None),
    ("The plan spends 40 billion dollars on schools.", "40 billion", None),
])
def test_where_a_sum_comes_from(text: str, figure: str, source: str | None) -> None:
    start = text.index(figure)
    assert money_source(text, start, start + len(figure)) == source


def test_a_sum_of_assets_and_a_sum_someone_adds_are_two_claims() -> None:
    r = decide_pair(_sig(0, ASSETS), _sig(1, ADDED), idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["money_kinds_differ"] == ["assets", "given"]


def test_two_sums_of_assets_still_pair() -> None:
    other = ("The draft would use 40 billion dollars in frozen Russian assets to rebuild schools "
             "in the east.")
    r = decide_pair(_sig(0, ASSETS), _sig(1, other), idf={})
    assert "money_kinds_differ" not in r.explanation


def test_two_kinds_of_money_score_nothing_so_no_third_claim_chains_them() -> None:
    from matching.grouping import cluster
    a = _sig(0, MILITARY, "2024-10-10")
    b = _sig(1, "In 2024 the total committed by donors so far is 18.4 billion euros, the "
                "institute said.")
    assert decide_pair(a, b, idf={}).score == 0.0
    neither = _sig(2, "The institute said donors committed 18.4 billion euros to the country "
                      "in 2024.")
    labels = cluster([a, b, neither], workers=1).labels
    assert labels[0] != labels[1]
