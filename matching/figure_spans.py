"""Where a claim's figures stand in its text: extraction's figures reach matching as values
and texts, so each is found again by its text ("28" of "a November 28 deadline, the 28-point
plan" is the second one, not the day of the date)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matching.figures import Quantity

# "a 28-point plan", "a 10-member team": a count joined to a noun by a hyphen names a thing.
# ("1,000-for-1,000 swap" and "a 10,000-strong force" do state a count.)
_ATTRIBUTIVE = re.compile(r"-(?!(?:for|to|and|or|by|per|plus|strong|odd)\b)[^\W\d_]", re.IGNORECASE)


def spans(lowered: str, quantities: Sequence[Quantity]) -> list[tuple[int, int]]:
    """Where each figure's text first stands."""
    out = []
    for q in quantities:
        pos = lowered.find(q.text.casefold()) if q.text else -1
        if pos >= 0:
            out.append((pos, pos + len(q.text)))
    return out


def find_figure(lowered: str, q: Quantity, taken: Sequence[tuple[int, int]]) -> int:
    """Where a figure's text stands in the claim: its first occurrence outside the spans
    ``taken`` (the claim's dates) and not part of a longer number ("28" of "a November 28
    deadline, the 28-point plan" is the second); -1 when absent."""
    needle = q.text.casefold()
    if not needle:
        return -1
    pos = lowered.find(needle)
    first = pos
    while pos >= 0:
        end = pos + len(needle)
        if not any(s <= pos and end <= e for s, e in taken) and not (
                pos and lowered[pos - 1].isdigit()) and not lowered[end : end + 1].isdigit():
            return pos
        pos = lowered.find(needle, pos + 1)
    return first


def names_a_thing(q: Quantity, text: str, lowered: str, taken: Sequence[tuple[int, int]]) -> bool:
    """A count joined to a noun by a hyphen ("the 28-point plan") names a thing, no count."""
    if q.family != "count" or not q.text:
        return False
    pos = find_figure(lowered, q, taken)
    return pos >= 0 and _ATTRIBUTIVE.match(text, pos + len(q.text)) is not None
