"""Frame values of ranges and floors, and which figures of two claims are paired as one measure."""

from __future__ import annotations

from matching.frames import compare_frames, values_contradict
from matching.signature import signature


def frames(text: str, date: str | None = "2024-06-02"):
    return signature("x", text, date=date).frames


def test_a_range_reaches_its_last_figure():
    span = frames("Between 21,400 and 21,600 civilians were killed in the region, the mission said.")[0]
    assert span.low <= 21_400 and span.high >= 21_600
    inside = frames("The mission said 21,580 civilians were killed in the region.")
    assert compare_frames([span], inside).agree
    beyond = frames("The mission said 23,900 civilians were killed in the region.")
    assert values_contradict([span], beyond)


def test_a_floor_stated_to_its_last_digit_still_reaches_past_its_tens():
    floor = frames("At least 2,470 homes were destroyed by the flood.")[0]
    assert floor.low == 2_470 and floor.high > 2_600
    later = frames("The flood destroyed 2,615 homes.")
    assert compare_frames([floor], later).agree


def test_words_both_figures_merely_share_do_not_make_one_measure():
    dead = frames("The minister said 51,000 soldiers had been killed since the war began.")
    hurt = frames("The minister said 410,000 soldiers had been wounded since the war began.")
    found = compare_frames(dead, hurt)
    assert not found.same_measure and not found.conflict
    # A figure whose measure the other names around its own figure is still paired.
    captives = frames("Officials said 38 prisoners of war were killed in the blast.")
    killed = frames("Officials said 38 were killed in the blast at the camp.")
    assert compare_frames(captives, killed).agree
