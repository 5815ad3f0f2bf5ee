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


# "39 miles from Burshtyn": the place a distance is measured from is part of what it measures.
_FROM_PLACE = re.compile(r"\s*(?:away\s+)?(?:from|від|от|von|de|desde|od)\s+(?:the\s+)?"
                         r"([^\W\d_][\w'’-]*)", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")


def reference_place(text: str, f: Frame) -> str | None:
    """The capitalised name right after a distance figure's "from", casefolded, or None."""
    if f.measure != "distance" or not f.text:
        return None
    pos = text.find(f.text)
    if pos < 0:
        return None
    m = _FROM_PLACE.match(text, pos + len(f.text))
    if m is None or not m.group(1)[0].isupper():
        return None
    return _POSSESSIVE.sub("", m.group(1).casefold())


def references_differ(text_a: str, text_b: str,
                      same_measure: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """Distances of the two claims measured from different named places ("39 miles from
    Burshtyn" / "43 miles from Lutsk"): figures of two different quantities."""
    out = []
    for x, y in same_measure:
        rx, ry = reference_place(text_a, x), reference_place(text_b, y)
        if rx and ry and rx != ry:
            out.append((x, y))
    return out
