"""Number words and durations of issue #21: hyphenated halves, "and" after a scale word,
Ukrainian and Russian number words, and compound durations as one value."""

import pytest

from extraction import parse_figures
from extraction.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two-and-a-half", 2.5),
        ("one hundred and twenty", 120),
        ("a thousand and one", 1001),
        ("двадцять", 20),
        ("тысяча", 1000),
        ("полтора", 1.5),
        ("двадцять п’ять", 25),
        ("дві тисячі", 2000),
        ("півтори тисячі", 1500),
        ("сто двадцять п'ять", 125),
        ("двести тысяч", 200000),
        ("три тисячі п'ятсот", 3500),
    ],
)
def test_number_words(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["п'ять два", "двадцять тридцять", "п'ятнадцять п'ять", "two and three"])
def test_ill_formed_number_words_are_not_numbers(text):
    assert parse_number(text) is None


def only(text: str):
    figures = parse_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("The talks lasted two-and-a-half hours.", 2.5, "hour", "duration"),
        ("Some one hundred and twenty soldiers were exchanged.", 120, "people", "count"),
        ("Загинули двадцять п’ять осіб.", 25, "people", "count"),
        ("Погибли тысяча человек.", 1000, "people", "count"),
        ("Армія втратила понад двадцять тисяч солдатів.", 20000, "people", "count"),
        ("Около полутора тысяч человек вернулись.", 1500, "people", "count"),
        ("Переговори тривали півтори години.", 1.5, "hour", "duration"),
    ],
)
def test_number_words_in_figures(text, value, unit, kind):
    f = only(text)
    assert (f.value, f.unit, f.kind) == (pytest.approx(value), unit, kind)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "days"),
    [
        ("Встреча длилась 2 часа 45 минут.", "2 часа 45 минут", 2.75, "hour", 2.75 / 24),
        ("Переговори тривали 2 години 45 хвилин.", "2 години 45 хвилин", 2.75, "hour", 2.75 / 24),
        ("Встреча длилась два часа сорок пять минут.", "два часа сорок пять минут", 2.75, "hour", 2.75 / 24),
        ("The meeting lasted 2 hours and 45 minutes.", "2 hours and 45 minutes", 2.75, "hour", 2.75 / 24),
        ("The truce held for three weeks and two days.", "three weeks and two days", 23 / 7, "week", 23),
        ("Обмін тривав 3 тижні й 2 дні.", "3 тижні й 2 дні", 23 / 7, "week", 23),
    ],
)
def test_compound_durations_are_one_value(text, span, value, unit, days):
    f = only(text)
    assert (f.text, f.kind, f.unit) == (span, "duration", unit)
    assert f.value == pytest.approx(value, rel=1e-4)
    assert f.si_value == pytest.approx(days, rel=1e-4)


def test_compound_duration_can_agree_with_nearly_three_hours():
    exact = only("Встреча длилась 2 часа 45 минут.")
    rounded = only("The meeting lasted nearly three hours.")
    assert rounded.qualifier == "nearly"
    assert abs(exact.si_value - rounded.si_value) / rounded.si_value < 0.1


def test_a_larger_unit_after_a_smaller_one_is_not_compounded():
    figures = parse_figures("It lasted 45 minutes 2 hours later.")
    assert [f.text for f in figures][:1] == ["45 minutes"]


def test_a_family_word_is_not_a_number():
    assert parse_figures("Сім'ї загиблих отримали виплати.") == []
    assert parse_figures("Один из них сказал.") == []
