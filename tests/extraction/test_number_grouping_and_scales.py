"""Numbers as they are written across languages: thousands grouped by a space or a dot, decimal
commas before scale words, and the scale words of other languages ("milyon", "Milliarden")."""

from __future__ import annotations

import pytest

from extraction import parse_figures


def read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(f.kind, f.value, f.unit) for f in parse_figures(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("Officials counted 12 345 deported pupils.", 12345.0),  # a space groups thousands in English
    ("Reģistrā ir 12 345 bērni.", 12345.0),  # ... and before a word in Latvian
    ("Almeno 12.345 bambini sono stati portati via.", 12345.0),  # a dot groups them in Italian
    ("A Ucrânia retomou 2.500 km2 neste mês.", 2500.0),
])
def test_grouped_thousands_are_one_number(text, value):
    assert [v for _k, v, _u in read(text)] == [value]


def test_a_month_day_before_a_count_stays_a_date():
    kinds = [k for k, _v, _u in read("On May 7 250 people were evacuated.")]
    assert kinds == ["date", "count"]


def test_dots_stay_decimals_before_a_scale_word_or_a_percent_sign():
    assert read("The agency counted 4.315 million arrivals.")[0][1] == pytest.approx(4_315_000)
    assert read("The rate rose to 3.125% in May.")[0][1] == pytest.approx(3.125)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Umabot sa 6.4 milyon ang bilang.", 6.4e6, None),
    ("Mehr als 120 Milliarden US-Dollar wurden gezahlt.", 1.2e11, "usd"),
    ("Europa dará 40,000 millones de dólares a Kiev.", 4e10, "usd"),
    ("Cerca de 3,7 milhões de pessoas saíram.", 3.7e6, None),
    ("Институт насчитал 21,5 миллиарда евро помощи.", 2.15e10, "eur"),
    ("Σχεδόν 3 εκατ. άνθρωποι έφυγαν.", 3e6, "people"),  # Greek people noun (#15)
])
def test_scale_words_of_other_languages(text, value, unit):
    (kind, v, u), = read(text)
    assert v == pytest.approx(value)
    assert u == unit


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("O exército retomou mais de 2.500 km2 este mês.", "more than", 2500.0),
    ("Bei dem Angriff starben mindestens 40 Menschen.", "at least", 40.0),
    ("W ataku zginęło ok. 200 osób.", "about", 200.0),
    ("Η κυβέρνηση μέτρησε σχεδόν 4 εκατ. πρόσφυγες.", "nearly", 4e6),
    ("Hay más de 900 mil desplazados.", "more than", 9e5),
])
def test_qualifiers_and_thousands_of_other_languages(text, qualifier, value):
    (f,) = parse_figures(text)
    assert f.qualifier == qualifier
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Під час обстрілу загинули троє людей.",
                                  "При взрыве погибли трое человек."])
def test_collective_numerals_count_people(text):
    (f,) = parse_figures(text)
    assert (f.value, f.unit) == (3.0, "people")
