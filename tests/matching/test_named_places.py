"""Claims about two different places are two claims (matching.named_places)."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.named_places import places_differ
from matching.pairs import Relation
from matching.signature import signature


def _sig(i: int, text: str):
    return signature(i, text, outlet=f"outlet{i}", date="2024-03-02")


def test_towns_the_name_table_does_not_know_still_tell_claims_apart() -> None:
    a = "Air defence downed 64% of the drones sent at Vilkove on 1 March 2024."
    b = "Air defence downed 64% of the drones sent at Reni on 1 March 2024."
    assert places_differ(a, b) == ("vilko", "reni")
    res = decide_pair(_sig(0, a), _sig(1, b), idf={})
    assert res.relation is Relation.DIFFERENT and res.explanation["places_differ"]


def test_one_different_figure_about_two_places_is_no_conflict() -> None:
    a = _sig(0, "On 1 March 2024 the front stood 31 km from Vilkove, officials said.")
    b = _sig(1, "On 1 March 2024 the front stood 44 km from Reni, officials said.")
    assert decide_pair(a, b, idf={}).relation is Relation.DIFFERENT


def test_what_is_no_place_of_the_claim() -> None:
    # Months, institutions, a speaker's title, and places one sentence leaves unnamed.
    assert places_differ("In March 64 drones hit Vilkove.", "In April 64 drones hit Vilkove.") is None
    assert places_differ("The Ministry of Defence said 40 died in Reni.",
                         "Forty died in Reni, the Ministry of Justice said.") is None
    assert places_differ("The governor of Odesa said 40 died in Reni.",
                         "Forty people died in Reni.") is None
    assert places_differ("Forty died at Reni.", "Forty people died, officials said.") is None


def test_one_place_in_two_spellings_is_one_place() -> None:
    assert places_differ("Troops left the city of Artemivsk on 20 May.",
                         "Troops left the city of Bakhmut on 20 May.") is None
