"""A small bare number next to a toll verb or a people noun counts people (#15): "killed four",
"three were wounded", "nine suspects". Sentences written for the test."""

from __future__ import annotations

import pytest

from extraction import parse_figures


@pytest.mark.parametrize(("text", "span"), [
    ("The blast killed four and injured dozens more.", "four"),
    ("Three were wounded by falling glass.", "Three"),
    ("Вибух поранив двох, ще троє загинули.", "троє"),
    ("Nine suspects were held overnight.", "Nine suspects"),
    ("Rescuers found 7 bodies under the rubble.", "7 bodies"),
])
def test_small_count_of_people(text, span):
    figs = [f for f in parse_figures(text) if f.kind == "count"]
    assert [(f.text, f.unit) for f in figs if f.text == span] == [(span, "people")]


@pytest.mark.parametrize("text", [
    "The two sides will meet again next week.",
    "Four countries signed the paper; the deal was killed later.",
])
def test_small_count_without_people_stays_bare(text):
    assert all(f.unit is None for f in parse_figures(text) if f.kind == "count")
