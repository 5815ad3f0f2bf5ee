"""Opposite outcomes of one count are two claims (matching.outcomes): homes cut off and homes
reconnected, drones launched and drones brought down, read at the verb nearest each figure; and the
people of the two sides of one exchange (matching.count_sides)."""

from __future__ import annotations

from matching.count_sides import count_side
from matching.decide import decide_pair
from matching.outcomes import outcome_of, outcomes_differ
from matching.pairs import Relation
from matching.signature import signature

# Written for this test.
CUT = "A night of shelling left 41,300 homes in the Sumy region without electricity on 2 May 2024."
RESTORED = "Engineers reconnected 41,300 homes in the Sumy region on 2 May 2024, the grid operator said."
CUT_AGAIN = "The grid operator said 41,300 homes in the Sumy region lost power on 2 May 2024."
LAUNCHED = "Russia launched 212 attack drones at Ukraine overnight into 9 May 2024, the air force said."
DOWNED = "Air defence units shot down 212 drones overnight into 9 May 2024, the air force said."
BOTH = ("Of the 212 drones launched overnight into 9 May 2024, air defence units shot down 190, "
        "the air force said.")


def _sig(i: int, text: str, date: str = "2024-05-03"):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def test_the_nearest_verb_says_the_outcome() -> None:
    assert outcome_of(CUT, "41,300")[1] == "without power"
    assert outcome_of(RESTORED, "41,300")[1] == "power restored"
    assert outcome_of(LAUNCHED, "212")[1] == "launched"
    assert outcome_of(DOWNED, "212")[1] == "shot down"
    assert outcome_of(BOTH, "190")[1] == "shot down"
    assert outcome_of("Kyiv hosted 212 delegates.", "212") is None


def test_homes_cut_off_and_homes_reconnected_are_two_claims() -> None:
    r = decide_pair(_sig(0, CUT), _sig(1, RESTORED), idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["outcomes_differ"] == ["without power", "power restored"]
    from matching.explain import why
    assert "Opposite outcomes of one count (without power and power restored)" in why(
        r.explanation, "different")


def test_drones_launched_and_drones_shot_down_are_two_claims() -> None:
    a, b = _sig(0, LAUNCHED, "2024-05-09"), _sig(1, DOWNED, "2024-05-09")
    assert decide_pair(a, b, idf={}).relation is Relation.DIFFERENT


def test_one_outcome_in_two_wordings_is_not_set_apart() -> None:
    a, b = _sig(0, CUT), _sig(1, CUT_AGAIN)
    fc_agree = [(x, y) for x in a.frames for y in b.frames if x.measure == y.measure]
    assert outcomes_differ(a.text, b.text, fc_agree) is None
    assert "outcomes_differ" not in decide_pair(a, b, idf={}).explanation


# Written for this test: the two sides of one prisoner exchange.
OURS = "Kyiv brought home 84 of its servicemen in an exchange on 5 June 2024, officials said."
THEIRS = "Moscow brought home 84 Russian servicemen in an exchange on 5 June 2024, officials said."
OURS_AGAIN = "An exchange on 5 June 2024 returned 84 Ukrainian soldiers home, Kyiv said."


def test_the_side_of_a_count_is_read_after_it_or_from_its_owner() -> None:
    assert count_side(OURS, "84") == "ukraine"
    assert count_side(THEIRS, "84") == "russia"
    assert count_side(THEIRS, "84 Russian servicemen") == "russia"
    assert count_side(OURS_AGAIN, "84") == "ukraine"
    assert count_side("The exchange freed 84 people.", "84") is None


def test_the_two_sides_of_an_exchange_are_two_claims() -> None:
    a, b = _sig(0, OURS, "2024-06-05"), _sig(1, THEIRS, "2024-06-06")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["sides_differ"] == ["ukraine", "russia"]
    from matching.explain import why
    assert "People of the two sides (ukraine and russia)" in why(r.explanation, "different")
    c = _sig(2, OURS_AGAIN, "2024-06-06")
    assert "sides_differ" not in decide_pair(a, c, idf={}).explanation


def test_what_two_pollsters_found_is_two_claims_even_without_a_shared_figure() -> None:
    # Written for this test: one finding of each pollster, the first with no figure at all.
    a = _sig(0, "Most Ukrainians expect a long war, according to a KIIS survey in March 2024.",
             "2024-04-02")
    b = _sig(1, "In a Razumkov Centre survey in March 2024, 64% expected a long war.",
             "2024-04-03")
    r = decide_pair(a, b, idf={})
    assert r.relation is Relation.DIFFERENT
    assert r.explanation["two_polls"] == "pollsters differ"
    assert r.score == 0.0
    c = _sig(2, "A KIIS survey in March 2024 found that 64% expected a long war.", "2024-04-03")
    assert "two_polls" not in decide_pair(a, c, idf={}).explanation
