"""Relative dates resolve against the article's date; without one they keep date=None."""

from datetime import date

import pytest

from extraction import parse_figures

WEDNESDAY = date(2025, 6, 4)


def dates(text: str, published=WEDNESDAY) -> list[tuple[str, str | None]]:
    return [(f.text, f.date) for f in parse_figures(text, published=published) if f.kind == "date"]


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("It happened yesterday.", "yesterday", "2025-06-03"),
        ("It happens today.", "today", "2025-06-04"),
        ("It happens tomorrow.", "tomorrow", "2025-06-05"),
        ("They met last week.", "last week", "2025-05-26"),
        ("They meet this week.", "this week", "2025-06-02"),
        ("They meet next week.", "next week", "2025-06-09"),
        ("Earlier this week they met.", "Earlier this week", "2025-06-02"),
        ("It rose last month.", "last month", "2025-05"),
        ("It rises this month.", "this month", "2025-06"),
        ("It rises next month.", "next month", "2025-07"),
        ("It fell last year.", "last year", "2024"),
        ("They spoke on Tuesday.", "Tuesday", "2025-06-03"),
        ("They spoke on Wednesday.", "Wednesday", "2025-06-04"),
        ("They spoke on Friday.", "Friday", "2025-05-30"),
        ("They spoke last Friday.", "last Friday", "2025-05-30"),
        ("They speak next Friday.", "next Friday", "2025-06-06"),
        ("It began three days ago.", "three days ago", "2025-06-01"),
        ("It began two weeks ago.", "two weeks ago", "2025-05-21"),
        ("It began a month ago.", "a month ago", "2025-05"),
        ("Officials met on March 3.", "March 3", "2025-03-03"),
        ("Officials met on December 20.", "December 20", "2024-12-20"),
        ("Officials met in July.", "July", "2024-07"),
        ("Officials will meet in July.", "July", "2025-07"),
        ("Talks stalled in early October.", "early October", "2024-10"),
        ("Вчора відбулися переговори.", "Вчора", "2025-06-03"),
    ],
)
def test_relative_dates_resolve_against_published(text, span, iso):
    assert dates(text) == [(span, iso)]


@pytest.mark.parametrize("text", ["It rose last month.", "They spoke on Tuesday.", "Officials met in July.", "It began three days ago."])
def test_relative_dates_without_published_keep_text_and_no_date(text):
    found = dates(text, published=None)
    assert len(found) == 1 and found[0][1] is None and found[0][0] in text


def test_month_alone_needs_a_date_context():
    # "May" the modal and "March" the verb are not dates.
    assert dates("Troops may march further.") == []
    assert dates("In May troops march.") == [("May", "2025-05")]


def test_a_day_range_before_the_year_takes_that_year():
    """"Feb. 21-22, 2022" was read as Feb. 21 of the article's year (2025) plus a bare 2022."""
    assert dates("Feb. 21-22, 2022: the two republics were recognised.") == [
        ("Feb. 21-22, 2022", "2022-02-21")]
    assert dates("Talks ran on March 3–5, 2014 in the capital.") == [("March 3–5, 2014", "2014-03-03")]
    # Without a year after it the range is not taken in: only the first day is a date.
    assert dates("They met on Feb. 21-22.") == [("Feb. 21", "2025-02-21")]
