"""Figures that name different outcomes of one attack (killed, missing, pulled out alive) are
two claims (matching.measures_apart; "missing" and "rescued" in matching.measure_words)."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.frames import compare_frames
from matching.measure_words import measure_of_word
from matching.measures_apart import measures_apart
from matching.pairs import Relation
from matching.signature import signature

# Written for this test.
KILLED = "A Russian missile strike on Izium on 9 June 2024 killed 8 people, the governor said."
MISSING = "Rescue teams in Izium were looking for 8 people still missing after the 9 June 2024 strike."
ALIVE = "Rescue teams pulled 8 people alive from the rubble in Izium after the 9 June 2024 strike."
KILLED_AGAIN = "Eight people were killed when a Russian missile hit Izium on June 9, 2024."


def _sig(i: int, text: str):
    return signature(i, text, outlet=f"outlet{i}", date="2024-06-10")


def test_missing_and_rescued_are_measures() -> None:
    assert measure_of_word("missing") == "missing"
    assert measure_of_word("rescued") == "rescued"
    assert measure_of_word("alive") == "rescued"


def test_other_outcomes_of_one_attack_are_two_claims() -> None:
    for other in (MISSING, ALIVE):
        a, b = _sig(0, KILLED), _sig(1, other)
        assert measures_apart(a.frames, b.frames, compare_frames(a.frames, b.frames)), other
        r = decide_pair(a, b, idf={})
        assert r.relation is Relation.DIFFERENT
        assert r.explanation["measures_differ"]


def test_one_outcome_in_two_wordings_is_not_set_apart() -> None:
    a, b = _sig(0, KILLED), _sig(1, KILLED_AGAIN)
    assert not measures_apart(a.frames, b.frames, compare_frames(a.frames, b.frames))
    assert decide_pair(a, b, idf={}).relation is Relation.SAME
