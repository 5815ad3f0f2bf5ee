"""Two claims that agree only on a date, each naming other people, are two claims
(matching.date_actors)."""

from __future__ import annotations

from matching.date_actors import date_actors_differ
from matching.decide import decide_pair
from matching.pairs import Relation
from matching.signature import signature

ENVOY = "Steve Witkoff landed in Moscow on 18 March to hand over the proposal, the White House said."
LEADER = "Vladimir Putin toured a command post in the Kursk region on 18 March, the Kremlin said."
LEADER_AGAIN = "On 18 March Putin visited a command post in Kursk region, according to the Kremlin."
NOBODY = "A command post in the Kursk region received a visit on 18 March, the Kremlin said."


def _sig(i: int, text: str):
    return signature(i, text, outlet=f"outlet{i}", date="2025-03-19")


def test_one_day_and_other_people_are_two_claims() -> None:
    r = decide_pair(_sig(0, ENVOY), _sig(1, LEADER), idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["date_actors_differ"] == ["witkoff", "putin"]
    from matching.explain import why
    assert "name different people (witkoff and putin)" in why(r.explanation, "different")


def test_the_same_person_on_the_same_day_still_pairs() -> None:
    r = decide_pair(_sig(0, LEADER), _sig(1, LEADER_AGAIN), idf={})
    assert "date_actors_differ" not in r.explanation
    assert r.relation is Relation.SAME


def test_a_claim_naming_nobody_is_left_to_the_model() -> None:
    a, b = _sig(0, LEADER), _sig(1, NOBODY)
    from matching.frames import compare_frames
    assert date_actors_differ(a.entities, b.entities, compare_frames(a.frames, b.frames).agree) \
        is None
    assert "date_actors_differ" not in decide_pair(a, b, idf={}).explanation


def test_figures_other_than_dates_are_left_to_the_model() -> None:
    a = _sig(0, "Putin said on 18 March that 1,300 soldiers had surrendered in Kursk.")
    b = _sig(1, "Zelensky said on 18 March that 1,300 soldiers had surrendered in Kursk.")
    from matching.frames import compare_frames
    agree = compare_frames(a.frames, b.frames).agree
    assert any(x.measure != "date" for x, _ in agree)
    assert date_actors_differ(a.entities, b.entities, agree) is None
