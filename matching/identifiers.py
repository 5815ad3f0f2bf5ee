"""Figures that name a thing instead of measuring it: "a 30-day ceasefire", "the 15-year period".

A duration joined to its noun ("30-day", "thirty-day", "30-дневном", "30-денне") says which
ceasefire or plan a claim is about, not a value the claim states: two claims agreeing only on it
are about one thing, and may say opposite things of it ("Ukraine accepted the 30-day ceasefire"
/ "the Kremlin rejected the 30-day ceasefire").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matching.frames import Frame

# The figure ends in a hyphen and the unit written as one word: "30-day", "one-month",
# "30-дневном". "Twenty-five days" (a number word with a hyphen, then the unit) does not.
_ATTRIBUTIVE_UNIT = re.compile(r"-[^\W\d_]+$")


def is_identifier(f: Frame) -> bool:
    """A duration written as an attribute of a noun ("a 30-day truce")."""
    return f.measure == "duration" and _ATTRIBUTIVE_UNIT.search(f.text.strip()) is not None


def identifier_only(agree: Sequence[tuple[Frame, Frame]]) -> bool:
    """Some figures agree, and each agreeing pair has an identifier on one side: the claims
    are about one named thing, and nothing they state about it is shown to agree."""
    return bool(agree) and all(is_identifier(x) or is_identifier(y) for x, y in agree)
