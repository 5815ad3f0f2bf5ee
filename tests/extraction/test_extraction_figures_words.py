"""Figure parsing of halves, fractions of a quantity, decimal commas and Ukrainian/Russian words.

Each case gives the exact span, value, unit, kind, qualifier and canonical value.
"""

import pytest

from extraction import Figure, parse_figures


def only(text: str) -> Figure:
    figs = parse_figures(text)
    assert len(figs) == 1, f"expected one figure in {text!r}, got {[f.text for f in figs]}"
    return figs[0]


def check(text, span, value, unit, kind, qualifier, si_value, si_unit):
    f = only(text)
    assert f.text == span
    assert text[f.start : f.end] == span
    assert f.value == pytest.approx(value, rel=1e-4)
    assert (f.unit, f.kind, f.qualifier, f.si_unit) == (unit, kind, qualifier, si_unit)
    assert f.si_value == pytest.approx(si_value, rel=1e-4)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind", "qualifier", "si_value", "si_unit"),
    [
        ("inflation of one and a half percent", "one and a half percent", 1.5, "percent", "percent", None, 1.5, "percent"),
        ("two and a half million refugees", "two and a half million refugees", 2.5e6, "people", "count", None, 2.5e6, "people"),
        ("two and a half million", "two and a half million", 2.5e6, None, "count", None, 2.5e6, None),
        ("a million and a half", "a million and a half", 1.5e6, None, "count", None, 1.5e6, None),
        ("a rate of 1 1/2 percent", "1 1/2 percent", 1.5, "percent", "percent", None, 1.5, "percent"),
        ("only 1 1/2 miles away", "1 1/2 miles", 1.5, "mi", "distance", None, 2.414016, "km"),
        ("prices rose a percent and a half", "a percent and a half", 1.5, "percent", "percent", None, 1.5, "percent"),
        ("talks lasted a year and a half", "a year and a half", 1.5, "year", "duration", None, 547.86375, "day"),
        ("more than a year and a half of war", "more than a year and a half", 1.5, "year", "duration", "more than", 547.86375, "day"),
    ],
)
def test_halves(text, span, value, unit, kind, qualifier, si_value, si_unit):
    check(text, span, value, unit, kind, qualifier, si_value, si_unit)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind", "qualifier", "si_value", "si_unit"),
    [
        ("six tenths of one percent of the land", "six tenths of one percent", 0.6, "percent", "percent", None, 0.6, "percent"),
        ("three quarters of a percent", "three quarters of a percent", 0.75, "percent", "percent", None, 0.75, "percent"),
        ("it grew half a percent", "half a percent", 0.5, "percent", "percent", None, 0.5, "percent"),
        ("a tenth of a percent", "a tenth of a percent", 0.1, "percent", "percent", None, 0.1, "percent"),
        ("more than half a percent", "more than half a percent", 0.5, "percent", "percent", "more than", 0.5, "percent"),
        ("half of 1 percent of voters", "half of 1 percent", 0.5, "percent", "percent", None, 0.5, "percent"),
        ("two-thirds of a percentage point", "two-thirds of a percentage point", 2 / 3, "pp", "percent", None, 2 / 3, "pp"),
        ("half a million people fled", "half a million people", 5e5, "people", "count", None, 5e5, "people"),
        ("a quarter of a million refugees", "a quarter of a million refugees", 2.5e5, "people", "count", None, 2.5e5, "people"),
        ("half a billion dollars in aid", "half a billion dollars", 5e8, "usd", "money", None, 5e8, "usd"),
        ("they spoke for half an hour", "half an hour", 0.5, "hour", "duration", None, 0.5 / 24, "day"),
        ("a third of 30 square miles", "a third of 30 square miles", 10, "mi2", "area", None, 25.89988, "km2"),
    ],
)
def test_fraction_of_a_quantity_multiplies(text, span, value, unit, kind, qualifier, si_value, si_unit):
    check(text, span, value, unit, kind, qualifier, si_value, si_unit)


def test_a_fraction_after_and_is_a_fraction_unless_it_ends_a_number():
    figs = parse_figures("Half a million people have fled, and a third of the region is occupied.")
    assert [(f.text, f.kind, f.value) for f in figs] == [
        ("Half a million people", "count", 500000),
        ("a third", "fraction", 33.33),
    ]
    assert [f.text for f in parse_figures("They walked a mile and a half.")] == []
    assert [(f.text, f.value) for f in parse_figures("one and a half")] == [("one and a half", 1.5)]


def test_fraction_of_a_group_stays_a_fraction_and_a_count():
    figs = parse_figures("half of 10,000 troops left")
    assert [(f.text, f.kind, f.value) for f in figs] == [("half", "fraction", 50), ("10,000 troops", "count", 10000)]
    assert [(f.text, f.kind, f.value) for f in parse_figures("six tenths of the territory")] == [
        ("six tenths", "fraction", 60)
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("0,6 % території", "0,6 %", 0.6, None),
        ("0,6% території", "0,6%", 0.6, None),
        ("18,5 відсотка населення", "18,5 відсотка", 18.5, None),
        ("около 0,6 % территории", "около 0,6 %", 0.6, "about"),
        ("близько 0,6 % території", "близько 0,6 %", 0.6, "about"),
        ("близько 0,6\u00a0% території", "близько 0,6\u00a0%", 0.6, "about"),
        ("приблизно 18,5 відсотка", "приблизно 18,5 відсотка", 18.5, "about"),
        ("примерно 12 %", "примерно 12 %", 12, "about"),
        ("более 20 процентов", "более 20 процентов", 20, "more than"),
        ("більше ніж 20 відсотків", "більше ніж 20 відсотків", 20, "more than"),
        ("свыше 20 %", "свыше 20 %", 20, "more than"),
        ("менее 5 %", "менее 5 %", 5, "less than"),
        ("менше ніж 5 відсотків", "менше ніж 5 відсотків", 5, "less than"),
        ("меньше 5 %", "меньше 5 %", 5, "less than"),
        ("почти 30 %", "почти 30 %", 30, "nearly"),
    ],
)
def test_cyrillic_percentages(text, span, value, qualifier):
    check(text, span, value, "percent", "percent", qualifier, value, "percent")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("10\u00a0000 people", "10\u00a0000 people", 10000, "people"),
        ("10\u202f000 people", "10\u202f000 people", 10000, "people"),
        ("понад 10 000 осіб", "понад 10 000 осіб", 10000, "people"),
        ("5 тис. людей", "5 тис. людей", 5000, "people"),
        ("5 тыс. человек", "5 тыс. человек", 5000, "people"),
        ("2,5 млн осіб", "2,5 млн осіб", 2.5e6, "people"),
        ("10 млн", "10 млн", 1e7, None),
        ("3 млрд", "3 млрд", 3e9, None),
    ],
)
def test_thousands_separators_and_cyrillic_scales(text, span, value, unit):
    f = only(text)
    assert (f.text, f.kind, f.unit, f.si_unit) == (span, "count", unit, unit)
    assert f.value == pytest.approx(value) and f.si_value == pytest.approx(value)


def test_qualified_decimal_comma_is_not_a_count_of_zero():
    assert [(f.text, f.kind, f.value) for f in parse_figures("Росія контролює близько 0,6 % території.")] == [
        ("близько 0,6 %", "percent", 0.6)
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("пятой части территории", "пятой части", 20, None),
        ("захватила пятую часть", "пятую часть", 20, None),
        ("п'ята частина території", "п'ята частина", 20, None),
        ("п'ятої частини країни", "п'ятої частини", 20, None),
        ("п’ята частина території", "п’ята частина", 20, None),
        ("пʼята частина території", "пʼята частина", 20, None),
        ("майже п'ята частина території", "майже п'ята частина", 20, "nearly"),
        ("десятая часть", "десятая часть", 10, None),
        ("четверть территории", "четверть", 25, None),
        ("чверть території", "чверть", 25, None),
        ("три чверті території", "три чверті", 75, None),
        ("половина населения", "половина", 50, None),
        ("половину території", "половину", 50, None),
        ("треть территории", "треть", 33.33, None),
        ("третина території", "третина", 33.33, None),
        ("две трети населения", "две трети", 66.67, None),
        ("понад третину території", "понад третину", 33.33, "more than"),
        ("более чем половина", "более чем половина", 50, "more than"),
        ("около половины", "около половины", 50, "about"),
        ("примерно треть", "примерно треть", 33.33, "about"),
        ("приблизно чверть", "приблизно чверть", 25, "about"),
        ("менее четверти", "менее четверти", 25, "less than"),
        ("почти половину", "почти половину", 50, "nearly"),
    ],
)
def test_cyrillic_fractions(text, span, value, qualifier):
    check(text, span, value, "percent", "fraction", qualifier, value, "percent")


@pytest.mark.parametrize(
    "text",
    ["во второй половине 2023 года", "у другій половині дня", "четверть века назад", "в третью очередь",
     "пятой колонной"],
)
def test_cyrillic_halves_of_time_and_ordinals_are_not_fractions(text):
    assert [f for f in parse_figures(text) if f.kind == "fraction"] == []


def test_fractions_in_a_ukrainian_sentence_keep_offsets():
    text = "За даними ISW, Росія окупувала майже п’яту частину України, або близько 18,5 відсотка."
    figs = parse_figures(text, offset=10)
    assert [(f.text, f.kind, f.value, f.qualifier) for f in figs] == [
        ("майже п’яту частину", "fraction", 20, "nearly"),
        ("близько 18,5 відсотка", "percent", 18.5, "about"),
    ]
    assert all(text[f.start - 10 : f.end - 10] == f.text for f in figs)


def test_a_decimal_comma_needs_a_percent_sign_or_a_cyrillic_word():
    assert [(f.text, f.value) for f in parse_figures("sections 3,4 and 5 apply")] == [("3", 3), ("5", 5)]
    assert [(f.text, f.value) for f in parse_figures("1,234 people")] == [("1,234 people", 1234)]
    assert [(f.text, f.value) for f in parse_figures("10 000,5 %")] == [("10 000,5 %", 10000.5)]
