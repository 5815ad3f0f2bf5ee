"""Figures the parser missed across languages (#15): digits against CJK letters, Romanian
"opt", and the Ukrainian/Russian "до" of an upper bound."""

import pytest

from extraction import parse_figures


def read(text):
    return [(f.kind, f.value, f.qualifier) for f in parse_figures(text)]


@pytest.mark.parametrize("text, values", [
    ("戦車12両と兵士300人が移動した", [12.0, 300.0]),     # kana/kanji either side of the digits
    ("昨夜、無人機85機が飛来", [85.0]),
    ("导弹14枚和无人机203架", [14.0, 203.0]),           # Chinese counters
    ("어젯밤 무인기 95대가 날아왔다", [95.0]),            # hangul counter
])
def test_digits_next_to_cjk_letters_are_counts(text, values):
    figures = parse_figures(text)
    assert [f.value for f in figures if f.kind == "count"] == values
    for f in figures:
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("text", ["13日の朝", "5月に", "10時に", "2023年", "15일 새벽"])
def test_cjk_days_months_and_hours_are_no_counts(text):
    assert not [f for f in parse_figures(text) if f.kind == "count"]


def test_cjk_year_is_a_date():
    assert [(f.kind, f.date) for f in parse_figures("2023年に始まった")] == [("date", "2023")]


def test_latin_letters_still_block_digits():
    assert parse_figures("the F16 and Su-25 and x9 units") == []


@pytest.mark.parametrize("text, value", [
    ("Poliția a arestat opt suspecți.", 8.0),
    ("Au fost distruse opt tancuri", 8.0),
])
def test_romanian_opt_is_eight(text, value):
    assert [f.value for f in parse_figures(text)] == [value]


@pytest.mark.parametrize("text", [
    "Most residents opt for the train.", "You can opt out at any time.", "They may opt to wait.",
    "an opt-in scheme",
])
def test_english_opt_is_a_verb(text):
    assert parse_figures(text) == []


@pytest.mark.parametrize("text, value", [
    ("У підвалі могли ховатися до 250 людей.", 250.0),
    ("В убежище находились до 400 человек", 400.0),
])
def test_cyrillic_do_before_a_count_is_an_upper_bound(text, value):
    assert read(text) == [("count", value, "up to")]


@pytest.mark.parametrize("text, value", [
    ("Кількість жертв зросла до 12 людей", 12.0),        # rose to
    ("Число раненых увеличилось до девяти", 9.0),
    ("Явка снизилась до 41%", 41.0),
    ("Цены выросли ещё до 300 гривен", 300.0),
])
def test_cyrillic_do_after_a_change_is_no_bound(text, value):
    assert [(f.value, f.qualifier) for f in parse_figures(text)] == [(value, None)]


def test_cyrillic_do_closing_a_span_is_no_bound():
    figures = parse_figures("від 30 до 40 людей")
    assert all(f.qualifier is None for f in figures)
