"""Amounts in two currencies: a conflict only when no exchange rate of the years covered joins them."""

from __future__ import annotations

from matching.currencies import apart_at_any_rate
from matching.frames import compare_frames, values_contradict
from matching.signature import signature


def frames(text: str):
    return signature("x", text, date="2025-05-03").frames


def test_amounts_apart_at_every_rate_conflict():
    dollars = frames("The fund will put $20 billion into rebuilding the ports.")
    euros = frames("The fund will put €31 billion into rebuilding the ports.")
    assert values_contradict(dollars, euros)


def test_amounts_a_rate_could_join_neither_agree_nor_conflict():
    dollars = frames("The fund will put $20 billion into rebuilding the ports.")
    euros = frames("The fund will put €19 billion into rebuilding the ports.")
    found = compare_frames(dollars, euros)
    assert found.same_measure and not found.agree and not found.conflict


def test_the_span_of_a_currency_is_wide_enough_for_its_cheapest_and_dearest_years():
    # 500 million hryvnias were about $60 million in 2014 and $12 million in 2024.
    assert not apart_at_any_rate(12e6, 12e6, "money:usd", 500e6, 500e6, "money:uah")
    assert not apart_at_any_rate(60e6, 60e6, "money:usd", 500e6, 500e6, "money:uah")
    assert apart_at_any_rate(200e6, 200e6, "money:usd", 500e6, 500e6, "money:uah")
