"""An order of magnitude ("hundreds", "tens of thousands") is a range of values, not a value."""

from __future__ import annotations

from matching.frame_values import magnitude_agrees_only, vague_magnitude
from matching.frames import compare_frames
from matching.signature import signature


def frames(text: str):
    return signature("x", text, date="2024-03-05").frames


def test_an_order_of_magnitude_reaches_to_the_next_one():
    vague = frames("Tens of thousands of households lost heating after the strike, the operator said.")[0]
    assert vague.low == 10_000 and 90_000 < vague.high < 100_000
    assert not vague.precise
    assert compare_frames([vague], frames("The operator said 64,000 households lost heating.")).agree
    assert not compare_frames([vague], frames("The operator said 240,000 households lost heating.")).agree


def test_only_a_magnitude_meeting_a_stated_value_is_marked():
    vague = frames("Hundreds of households lost heating after the strike, the operator said.")
    stated = frames("The operator said 430 households lost heating after the strike.")
    also_vague = frames("The operator reported that hundreds of households had no heating.")
    assert magnitude_agrees_only(compare_frames(vague, stated).agree)
    assert not magnitude_agrees_only(compare_frames(vague, also_vague).agree)
    assert not magnitude_agrees_only(())


def test_a_figure_with_digits_is_no_magnitude():
    assert vague_magnitude("hundreds") and vague_magnitude("at least tens of thousands")
    assert not vague_magnitude("300 people") and not vague_magnitude("2 million")
