"""Digits of other scripts and number words of more languages become figures (#15)."""

import pytest

from extraction import parse_figures
from extraction.figures.numerals_digits import ascii_digits, has_other_digits
from extraction.numbers import parse_number


def read(text):
    return [(f.text, f.value, f.kind) for f in parse_figures(text)]


@pytest.mark.parametrize("text, value", [
    ("সেখানে ৭ মিলিয়ন মানুষ আছে", 7e6),      # Bengali digits and scale word
    ("قالت الوكالة إن ٢٥ شخصا", 25.0),         # Arabic-Indic digits
    ("रिपोर्ट में ३२० लोग", 320.0),              # Devanagari digits
    ("گزارش ۱۲۰۰ نفر", 1200.0),                 # Persian digits
])
def test_digits_of_other_scripts(text, value):
    figures = parse_figures(text)
    assert [f.value for f in figures] == [value]
    # The figure keeps the text's own characters and span.
    f = figures[0]
    assert text[f.start:f.end] == f.text


def test_ascii_digits_keeps_length():
    text = "٣٫٥٪ و ١٬٢٠٠"
    assert has_other_digits(text)
    out = ascii_digits(text)
    assert out == "3.5% و 1,200" and len(out) == len(text)
    assert not has_other_digits("plain 123")


@pytest.mark.parametrize("words, value", [
    ("cinco milhões", 5e6),
    ("sieben Millionen", 7e6),
    ("seis millones y medio", 6.5e6),
    ("4 milioni e mezzo", 4.5e6),
    ("dwadzieścia pięć", 25.0),
    ("kolme", 3.0),
    ("δύο", 2.0),
    ("un milion", 1e6),
    ("seis mil millones", 6e9),
])
def test_foreign_number_words(words, value):
    assert parse_number(words) == pytest.approx(value)


@pytest.mark.parametrize("words", ["un", "to", "millones", "cinco dos", "on"])
def test_not_numbers(words):
    # An article alone, a scale word alone, parts in the wrong order: no number.
    assert parse_number(words) is None


def test_foreign_words_in_sentences():
    assert read("Hay casi cinco millones de personas desplazadas.")[0][1] == 5e6
    assert read("Tolv personer ble skadet.")[0][1] == 12.0
    # Common words that are numbers elsewhere start none without a scale word.
    assert read("He went to the shop on Monday and said un mot.") == [("Monday", None, "date")]
    assert read("Er zijn twee miljoen mensen gevlucht.")[0][1] == 2e6


def test_small_counts_of_people_in_other_languages():
    # A small count names who is counted in the language of the sentence.
    (fig,) = parse_figures("Drei Menschen wurden verletzt.")
    assert fig.value == 3.0 and fig.unit == "people"


@pytest.mark.parametrize("text, iso", [
    ("Die Waffenruhe begann am 3. März 2021.", "2021-03-03"),
    ("Las tropas llegaron el 14 de abril de 2021.", "2021-04-14"),
    ("Spotkanie odbyło się 7 października 2021 roku.", "2021-10-07"),
    ("Acordul a fost semnat pe 2 septembrie 2021.", "2021-09-02"),
    ("Η συνάντηση έγινε στις 5 Μαΐου 2021.", "2021-05-05"),
])
def test_days_with_month_names_of_other_languages(text, iso):
    dates = [f.date for f in parse_figures(text) if f.kind == "date"]
    assert dates == [iso]


def test_more_is_no_month():
    # Romanian "mai mult" is "more", not May.
    assert all(f.kind != "date" for f in parse_figures("Au venit de 3 mai multe ori."))


@pytest.mark.parametrize("text, km2", [
    ("Foram retomados 800 quilômetros quadrados.", 800.0),
    ("Se perdieron 250 kilómetros cuadrados.", 250.0),
    ("Erobert wurden 40 Quadratkilometer.", 40.0),
    ("Odbito 90 km kw. terenu.", 90.0),
])
def test_square_kilometres_of_other_languages(text, km2):
    (fig,) = parse_figures(text)
    assert fig.kind == "area" and fig.si_unit == "km2" and fig.si_value == km2
