"""A date that names an event ("the 3 March shelling", "Friday's raid") or starts a count is not
the day a figure is as of (matching.event_dates): the sentence's other date is, and two
readings of one toll on two days are two claims; one toll dated by its event in one sentence
and by its report in another still meets."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.event_dates import as_of_dates, names_event, starts_count
from matching.pairs import Relation
from matching.signature import signature

# Written for this test: a toll read on two days after one shelling, and a count since an order.
FIRST_READING = ("The number of dead from the 3 March 2024 shelling of Vilnohirsk climbed to 19 "
                 "on 4 March 2024, the town council said.")
SECOND_READING = ("The town council said on 6 March 2024 that about 20 people had now died in "
                  "the March 3, 2024 shelling of Vilnohirsk.")
EVENT_DAY = "A shelling of Vilnohirsk on 3 March 2024 killed 7 people, the town council said."
REPORT_DAY = ("The town council said on 4 March 2024 that 7 people had died in the 3 March 2024 "
              "shelling of Vilnohirsk.")
SINCE_ORDER = ("Since the evacuation of Pokrovka was ordered on 2 May 2024, 1,150 residents have "
               "left, the district office said on 20 May 2024.")


def _sig(i: int, text: str, date: str):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def test_a_date_before_an_event_noun_names_the_event() -> None:
    low = FIRST_READING.casefold()
    start = low.index("3 march 2024")
    assert names_event(low, start, start + len("3 march 2024"))
    later = low.index("4 march 2024")
    assert not names_event(low, later, later + len("4 march 2024"))


def test_a_date_in_a_since_clause_starts_a_count() -> None:
    low = SINCE_ORDER.casefold()
    assert starts_count(low, low.index("2 may 2024"))
    assert not starts_count(low, low.index("20 may 2024"))


def test_the_figure_is_as_of_the_day_that_names_no_event_and_that_day_is_marked() -> None:
    a = _sig(0, FIRST_READING, "2024-03-05")
    assert [(f.period, f.period_stated, f.as_of_marked) for f in a.frames] == [
        ("2024-03-04", True, True)]
    # Beside a count's start, the other date is the period, unmarked: it may be a release day.
    b = _sig(1, SINCE_ORDER, "2024-05-21")
    assert [(f.period, f.as_of_marked) for f in b.frames] == [("2024-05-20", False)]


def test_a_single_date_naming_an_event_stays_the_period() -> None:
    a = _sig(0, "The 8 March 2024 raid on Vilnohirsk killed 14 people, officials said.",
             "2024-03-10")
    assert [(f.period, f.period_stated, f.as_of_marked) for f in a.frames] == [
        ("2024-03-08", True, False)]
    assert as_of_dates("no date here", []) == ([], False)


def test_two_readings_of_one_toll_on_two_days_are_two_claims() -> None:
    # "about 20" would agree with 19 by value: the two stated as-of days keep them apart.
    a, b = _sig(0, FIRST_READING, "2024-03-05"), _sig(1, SECOND_READING, "2024-03-07")
    assert decide_pair(a, b, idf={}).relation is Relation.DIFFERENT


def test_a_toll_dated_by_its_event_and_by_its_report_still_meets() -> None:
    # The values agree: no reading rule sets them apart (the model decides).
    a, b = _sig(0, EVENT_DAY, "2024-03-04"), _sig(1, REPORT_DAY, "2024-03-04")
    r = decide_pair(a, b, idf={})
    assert "as_of_dates_differ" not in r.explanation


def test_a_lower_event_day_toll_and_a_higher_later_reading_are_two_claims() -> None:
    # Small tolls are never precise, so 4 and 5 make no conflict: the readings rule decides.
    first = _sig(0, EVENT_DAY.replace("7 people", "4 people"), "2024-03-04")
    later = _sig(1, REPORT_DAY.replace("7 people", "five people"), "2024-03-05")
    r = decide_pair(first, later, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["as_of_dates_differ"]


def test_of_two_dates_left_beside_an_event_date_neither_is_marked() -> None:
    # Written for this test: an aside's year, the day of the ruling, the year of the blast.
    a = _sig(0, "A region it seized in 2015, a court on 4 June 2024 jailed 6 men over the 2021 "
                "blast at the port.", "2024-06-05")
    assert a.frames and not any(f.as_of_marked for f in a.frames)


def test_loose_values_apart_on_two_stated_days_are_two_readings() -> None:
    # Written for this test: a running count since an order, read on two report days.
    a = _sig(0, "Since the evacuation of Pokrovka was ordered on 2 May 2024, about a thousand "
                "residents have left, the district office said on 10 May 2024.", "2024-05-11")
    b = _sig(1, "Since the evacuation of Pokrovka was ordered on 2 May 2024, some 3,300 residents "
                "have left, the district office said on 24 May 2024.", "2024-05-25")
    assert [f.period for f in a.frames] == ["2024-05-10"]
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["as_of_dates_differ"]
