"""Running totals stated in other languages are running totals (matching.slot.cumulative)."""

from __future__ import annotations

import pytest

from matching.decide import decide_pair
from matching.frames import compare_frames
from matching.pairs import Relation
from matching.signature import signature
from matching.slot import cumulative, undated_total_steps


def _sig(i: int, text: str, date: str | None = None):
    return signature(i, text, outlet=f"outlet{i}", date=date)


@pytest.mark.parametrize(("text", "total"), [
    ("Mais de 3 milhões de pessoas deixaram o país desde o início da guerra.", True),
    ("Seit Kriegsbeginn sind mehr als 3 Millionen Menschen geflohen.", True),
    ("More than 3 million have fled since the invasion began.", True),
    ("Mais de 3 milhões de pessoas deixaram o país em março.", False),
])
def test_a_running_total_in_any_language(text: str, total: bool) -> None:
    assert cumulative(text) is total


PT = ("Quase seis milhões de ucranianos foram registrados como refugiados em toda a Europa desde "
      "que a Rússia invadiu a Ucrânia, disse a ONU.")
EN = ("More than four million Ukrainians have fled Ukraine as refugees to Europe since Russia "
      "invaded, the UN said.")


def test_two_undated_totals_far_apart_are_two_steps_whatever_the_language() -> None:
    a, b = _sig(0, PT), _sig(1, EN, "2023-03-30")
    fc = compare_frames(a.frames, b.frames)
    assert undated_total_steps(a.text, b.text, fc.same_measure)
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["running_count"]


def test_the_same_total_in_two_languages_is_no_step() -> None:
    a = _sig(0, PT.replace("Quase seis", "Mais de quatro"))
    b = _sig(1, EN, "2023-03-30")
    fc = compare_frames(a.frames, b.frames)
    assert fc.same_measure
    assert not undated_total_steps(a.text, b.text, fc.same_measure)
