"""Figure parsing: every example of issue #3 with value, unit, kind and canonical value."""

import json

import pytest

from extraction import Figure, parse_figures


def only(text: str, **kw) -> Figure:
    figs = parse_figures(text, **kw)
    assert len(figs) == 1, f"expected one figure in {text!r}, got {[f.text for f in figs]}"
    return figs[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind", "qualifier", "si_value", "si_unit"),
    [
        ("Russia took 0.6% of the land", "0.6%", 0.6, "percent", "percent", None, 0.6, "percent"),
        ("about 18 percent of it", "about 18 percent", 18, "percent", "percent", "about", 18, "percent"),
        ("18 per cent of voters", "18 per cent", 18, "percent", "percent", None, 18, "percent"),
        ("a rise of 3 percentage points", "3 percentage points", 3, "pp", "percent", None, 3, "pp"),
        ("a fifth of the country", "a fifth", 20, "percent", "fraction", None, 20, "percent"),
        ("more than half of the front", "more than half", 50, "percent", "fraction", "more than", 50, "percent"),
        ("two-thirds of the region", "two-thirds", 66.67, "percent", "fraction", None, 66.67, "percent"),
        ("one in five residents left", "one in five residents", 20, "percent", "fraction", None, 20, "percent"),
        ("a net gain of 110 square miles", "110 square miles", 110, "mi2", "area", None, 284.899, "km2"),
        ("about 285 km² were lost", "about 285 km²", 285, "km2", "area", "about", 285, "km2"),
        ("40 sq km of forest", "40 sq km", 40, "km2", "area", None, 40, "km2"),
        ("more than 10,000 were killed", "more than 10,000", 10000, None, "count", "more than", 10000, None),
        ("more than 10,000 people were killed", "more than 10,000 people", 10000, "people", "count", "more than", 10000, "people"),
        ("hundreds of thousands of lives", "hundreds of thousands", 100000, "people", "count", "hundreds of", 100000, "people"),
        ("tens of thousands of troops", "tens of thousands", 10000, "people", "count", "tens of", 10000, "people"),
        ("nearly 2,000 kilometers of front", "nearly 2,000 kilometers", 2000, "km", "distance", "nearly", 2000, "km"),
        ("a town 100 miles away", "100 miles", 100, "mi", "distance", None, 160.934, "km"),
        ("an 83% drop in shelling", "83% drop", 83, "percent", "percent", "drop", 83, "percent"),
        ("$1.5 billion in aid", "$1.5 billion", 1.5e9, "usd", "money", None, 1.5e9, "usd"),
        ("€20 million for repairs", "€20 million", 2e7, "eur", "money", None, 2e7, "eur"),
        ("up to 300 million rubles", "up to 300 million rubles", 3e8, "rub", "money", "up to", 3e8, "rub"),
        ("a ₴5bn budget", "₴5bn", 5e9, "uah", "money", None, 5e9, "uah"),
        ("talks lasted five hours", "five hours", 5, "hour", "duration", None, 5 / 24, "day"),
        ("a 30-day ceasefire", "30-day", 30, "day", "duration", None, 30, "day"),
        ("within two weeks", "two weeks", 2, "week", "duration", None, 14, "day"),
        ("a 36-hour pause", "36-hour", 36, "hour", "duration", None, 1.5, "day"),
        ("more than a month of fighting", "more than a month", 1, "month", "duration", "more than", 30.436875, "day"),
        ("in the past month", "the past month", 1, "month", "duration", None, 30.436875, "day"),
        ("about twenty representatives came", "about twenty representatives", 20, "people", "count", "about", 20, "people"),
        ("a dozen drones", "a dozen", 12, None, "count", None, 12, None),
    ],
)
def test_figures(text, span, value, unit, kind, qualifier, si_value, si_unit):
    f = only(text)
    assert f.text == span
    assert text[f.start : f.end] == span
    assert f.value == pytest.approx(value, rel=1e-3)
    assert (f.unit, f.kind, f.qualifier, f.si_unit) == (unit, kind, qualifier, si_unit)
    assert f.si_value == pytest.approx(si_value, rel=1e-3)


def test_110_square_miles_compares_with_285_km2():
    a, b = only("110 square miles"), only("285 km²")
    assert a.si_value == pytest.approx(284.9, abs=0.1)
    assert abs(a.si_value - b.si_value) / b.si_value < 0.01


@pytest.mark.parametrize(
    ("text", "span", "value", "value_max", "unit", "si_unit"),
    [
        ("between 10 and 20 percent", "between 10 and 20 percent", 10, 20, "percent", "percent"),
        ("10-12% of the vote", "10-12%", 10, 12, "percent", "percent"),
        ("within 10 to 12 minutes", "10 to 12 minutes", 10, 12, "minute", "day"),
        ("5,000–7,000 troops", "5,000–7,000 troops", 5000, 7000, "people", "people"),
        ("two or three people", "two or three people", 2, 3, "people", "people"),
    ],
)
def test_ranges(text, span, value, value_max, unit, si_unit):
    f = only(text)
    assert (f.text, f.kind, f.unit, f.si_unit) == (span, "range", unit, si_unit)
    assert (f.value, f.value_max) == (value, value_max)


@pytest.mark.parametrize(
    ("text", "span", "iso", "qualifier"),
    [
        ("Feb. 12, 2015", "Feb. 12, 2015", "2015-02-12", None),
        ("on 12 February 2015", "12 February 2015", "2015-02-12", None),
        ("in March 2022", "March 2022", "2022-03", None),
        ("in Sept. 2024", "Sept. 2024", "2024-09", None),
        ("in March of 2023", "March of 2023", "2023-03", None),
        ("in 2014", "2014", "2014", None),
        ("since 2022", "2022", "2022", None),
        ("early 2023", "early 2023", "2023", "early"),
        ("by mid-2022", "mid-2022", "2022", "mid"),
        ("the 1990s", "1990s", "1990", "decade"),
        ("March-April 2022", "March-April 2022", "2022-03", "range"),
        ("3/14/25", "3/14/25", "2025-03-14", None),
        ("2025-03-14", "2025-03-14", "2025-03-14", None),
        ("14.03.2025", "14.03.2025", "2025-03-14", None),
        ("12 лютого 2015 року", "12 лютого 2015 року", "2015-02-12", None),
        ("5 марта 2022 года", "5 марта 2022 года", "2022-03-05", None),
    ],
)
def test_absolute_dates(text, span, iso, qualifier):
    f = only(text)
    assert (f.text, f.kind, f.unit, f.value, f.date, f.qualifier) == (span, "date", "date", None, iso, qualifier)


def test_years_are_dates_not_counts():
    figs = parse_figures("Between 1941 and 1945 and again in 2014, 2,014 soldiers served.")
    assert [(f.text, f.kind) for f in figs] == [("1941", "date"), ("1945", "date"), ("2014", "date"), ("2,014 soldiers", "count")]



@pytest.mark.parametrize(("text", "expected"), [
    ("Gunners fired 2000 shells at the port.", [("2000", "count")]),
    ("The port came under fire from 2000 heavy shells.", [("2000", "count")]),
    ("About 1900 Russian troops crossed the river.", [("About 1900", "count")]),
    # A preposition, or nothing counted after it, keeps a year.
    ("In 2014 drones were rare.", [("2014", "date")]),
    ("The 2014 accords were signed in Minsk.", [("2014", "date")]),
])
def test_four_digits_before_what_they_count_are_a_count(text, expected):
    assert [(f.text, f.kind) for f in parse_figures(text)] == expected

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minsk II was never implemented.", []),
        ("Minsk-2 and Minsk 2 are the same deal.", []),
        ("An Su-25 and two F-16s were seen.", ["two"]),
        ("The G7 and COVID-19 came up.", []),
        ("For the first time, the 810th brigade moved.", []),
        ("It became a third world war, said one of them.", []),
        ("In the second half, no one left.", []),
        ("The file image14.png at 8:00am.", []),
    ],
)
def test_identifiers_ordinals_and_idioms_are_not_figures(text, expected):
    assert [f.text for f in parse_figures(text)] == expected


def test_cyrillic_figures():
    figs = parse_figures("понад 100 кілометрів, 30% і 20 кв. км, 5 млн гривень")
    assert [(f.text, f.kind, f.unit, f.value, f.qualifier) for f in figs] == [
        ("понад 100 кілометрів", "distance", "km", 100, "more than"),
        ("30%", "percent", "percent", 30, None),
        ("20 кв. км", "area", "km2", 20, None),
        ("5 млн гривень", "money", "uah", 5e6, None),
    ]


def test_offsets_are_shifted_by_offset():
    text = "It lost 0.6% in 2024."
    figs = parse_figures(text, offset=100)
    assert [(f.start, f.end) for f in figs] == [(108, 112), (116, 120)]


def test_timeline_entry_year_resolves_a_later_day_without_year():
    text = "Feb. 12, 2015: Minsk II is signed. It is endorsed on Feb. 17."
    assert [f.date for f in parse_figures(text)] == ["2015-02-12", "2015-02-17"]


def test_to_json_dict_round_trips_through_json():
    f = only("about 285 km²")
    d = json.loads(json.dumps(f.to_json_dict()))
    assert {"text", "value", "unit", "kind", "qualifier", "si_value", "si_unit", "date", "start", "end"} <= d.keys()
    assert d["text"] == "about 285 km²" and d["kind"] == "area"


def test_coordinated_months_share_the_year():
    figs = parse_figures("The offensive may start in February or March of 2023.")
    assert [(f.text, f.date) for f in figs] == [("February", "2023-02"), ("March of 2023", "2023-03")]


@pytest.mark.parametrize(
    ("text", "unit", "si_value"),
    [
        ("about 285 square kilometres", "km2", 285),
        ("285 square kilometers", "km2", 285),
        ("5 square metres", "m2", 5e-6),
        ("40 hectares", "ha", 0.4),
        ("3 квадратних кілометри", "km2", 3),
    ],
)
def test_area_units_spelled_out(text, unit, si_value):
    f = only(text)
    assert (f.kind, f.unit) == ("area", unit)
    assert f.si_value == pytest.approx(si_value)
