"""Ukrainian and Russian forms that matching depends on: thousands written out, the month in
the locative, day counts as adjectives; and the English "one-month" compound."""

from __future__ import annotations

import pytest

from extraction import parse_figures


def _one(text: str):
    figures = parse_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize("text", ["загинули 43 тисячі військових", "погибли 43 тысячи военных"])
def test_thousands_written_out(text):
    assert _one(text).value == 43000


@pytest.mark.parametrize(("text", "date"), [
    ("У грудні 2024 року Зеленський заявив", "2024-12"),
    ("В декабре 2024 года Зеленский заявил", "2024-12"),
    ("у березні 2025 року", "2025-03"),
])
def test_the_month_in_the_locative_dates_the_year(text, date):
    assert _one(text).date == date


@pytest.mark.parametrize("text", ["на 30-денне перемир'я", "о 30-дневном прекращении огня",
                                  "протягом 30 днів"])
def test_day_counts_in_cyrillic_are_durations(text):
    fig = _one(text)
    assert (fig.kind, fig.value, fig.unit) == ("duration", 30.0, "day")


def test_a_hyphenated_one_month_is_a_duration():
    fig = _one("A one-month ceasefire proposed by the US")
    assert (fig.kind, fig.value, fig.unit) == ("duration", 1.0, "month")
    assert parse_figures("one of the talks") == []
