"""Sums written with an ISO code before them ("EUR 2bn"), a dot before a scale word ("€1.25
billion"), and the year that closes a date before a toll verb ("on 6 May 2022 killed ten").
Sentences written for the test."""

from __future__ import annotations

import pytest

from extraction import parse_figures


@pytest.mark.parametrize(("text", "said", "value", "unit"), [
    ("Norway sent EUR 2bn for demining.", "EUR 2bn", 2e9, "eur"),
    ("A loan of USD 1.4bn was signed.", "USD 1.4bn", 1.4e9, "usd"),
    ("The grant, GBP 1,250m, arrived.", "GBP 1,250m", 1.25e9, "gbp"),
    ("The fund pledged €1.375 billion.", "€1.375 billion", 1.375e9, "eur"),
    ("It holds €4.125 million in reserve.", "€4.125 million", 4.125e6, "eur"),
])
def test_money_with_a_code_or_a_scale(text, said, value, unit):
    money = [(f.text, f.value, f.unit) for f in parse_figures(text) if f.kind == "money"]
    assert money == [(said, pytest.approx(value), unit)]


def test_a_code_without_an_amount_is_no_money():
    assert [f for f in parse_figures("The EUR area grew by 3 points.") if f.kind == "money"] == []


@pytest.mark.parametrize("text", [
    "A rocket strike on Zolochiv on 6 May 2022 killed ten people.",
    "A rocket strike on Zolochiv on May 6, 2022 killed ten people.",
])
def test_the_year_of_a_date_before_a_toll_verb_is_no_count(text):
    figs = parse_figures(text)
    assert [f.kind for f in figs] == ["date", "count"]
    assert figs[1].value == 10


def test_a_year_like_count_of_people_stays_a_count():
    (fig,) = parse_figures("The army lost 2022 soldiers that winter.")
    assert (fig.kind, fig.value) == ("count", 2022)
