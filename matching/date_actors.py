"""Whose day a date is: two claims that agree on nothing but a date, each naming other people.

A claim whose only figure is a date says that something happened on that day, and its people
say what: "the envoy flew to Moscow on 13 March" and "the president spoke of the front line on
13 March" share a day, not a claim, and so do "the warlord announced the capture on Saturday"
and "the president congratulated the troops on Saturday". A claim naming nobody may be
about either (two outlets of one event often name the speaker on one side only), so both
must name people, and none in common. Figures other than dates carry the claim themselves and
are left to the pair model (which reads the names too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

PEOPLE = "person"  # the entity kind of people in a claim signature


class _Frame(Protocol):
    measure: str


def _people(entities: Mapping[str, frozenset[str]]) -> frozenset[str]:
    return entities.get(PEOPLE, frozenset())


def date_actors_differ(entities_a: Mapping[str, frozenset[str]],
                       entities_b: Mapping[str, frozenset[str]],
                       agree: Sequence[tuple[_Frame, _Frame]]) -> tuple[str, str] | None:
    """Every agreeing value is a date, both claims name people, and none of them on both
    sides: one person of each (alphabetically first, for the explanation); None otherwise."""
    if not agree or any(x.measure != "date" or y.measure != "date" for x, y in agree):
        return None
    pa, pb = _people(entities_a), _people(entities_b)
    if not pa or not pb or pa & pb:
        return None
    return min(pa), min(pb)
