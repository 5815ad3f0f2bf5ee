"""The bulk prefilter drops no pair the pair rules would keep: a day stated without its year
is not another year, and two places named beside nothing but the same day are one event."""

from __future__ import annotations

import numpy as np

from matching.prefilter import date_parts, surely_different
from matching.records import record_signatures


def test_date_parts_reads_a_yearless_day_as_month_and_day() -> None:
    assert date_parts("2023-04-09") == (2023, 4, 9)
    assert date_parts("--04-09") == (0, 4, 9)
    assert date_parts("2023-04") == (2023, 4, 0)
    assert date_parts("2023") == (2023, 0, 0)


def _apart(first: dict, second: dict) -> bool:
    sigs = record_signatures([first, second])
    return bool(surely_different(sigs, np.array([[0, 1]]))[0])


def test_a_dated_day_and_the_same_day_without_its_year_are_compared() -> None:
    dated = {"id": "a", "date": "2023-04-11", "text":
             "Port officials said more than 2.4 million tonnes of grain had been shipped by 9 April."}
    undated = {"id": "b", "text":
               "Over 2.4 million tonnes of grain had left the port by April 9, officials said."}
    assert not _apart(dated, undated)


def test_two_places_beside_only_the_same_day_are_compared_other_days_not() -> None:
    one = {"id": "a", "date": "2023-04-14", "text":
           "The ministry said the last convoy reached Odesa on Friday."}
    same_day = {"id": "b", "date": "2023-04-14", "text":
                "The final convoy arrived in Mykolaiv on Friday, the ministry said."}
    other_day = {"id": "c", "date": "2023-05-05", "text":
                 "The final convoy arrived in Mykolaiv on Friday, the ministry said."}
    sigs = record_signatures([one, same_day, other_day])
    assert {"odesa"} <= sigs[0].entities["place"] and {"mykolaiv"} <= sigs[1].entities["place"]
    apart = surely_different(sigs, np.array([[0, 1], [0, 2]]))
    assert not apart[0]
    assert apart[1]
