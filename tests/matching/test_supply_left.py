"""How long a stock lasts, reported further apart than it lasts, is two stocks (matching.supply_left)."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.explain import why
from matching.pairs import Relation
from matching.signature import signature

FIRST = "The operator said the pumping station had enough diesel to last 12 days."


def _sig(i: int, text: str, date: str):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def test_one_stock_reported_weeks_apart_is_two_claims() -> None:
    a = _sig(0, FIRST, "2024-01-08")
    b = _sig(1, "The pumping station had diesel reserves for 12 days, the operator said.",
             "2024-04-15")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["supplies_apart"]
    assert "two stocks" in why(r.explanation, "different")


def test_the_same_stock_reported_days_apart_still_pairs() -> None:
    a = _sig(0, FIRST, "2024-01-08")
    b = _sig(1, "The pumping station had diesel reserves for 12 days, the operator said.",
             "2024-01-10")
    assert decide_pair(a, b, idf={}).relation is Relation.SAME


def test_a_duration_no_stock_lasts_is_left_to_the_model() -> None:
    a = _sig(0, "The talks in the capital lasted 12 days, the ministry said.", "2024-01-08")
    b = _sig(1, "The talks in the capital went on for 12 days, the ministry said.", "2024-04-15")
    assert not decide_pair(a, b, idf={}).explanation.get("supplies_apart")
