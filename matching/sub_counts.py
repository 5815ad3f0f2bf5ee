"""A count given as a part of another ("five killed, including four civilians", "of whom 12
children"): agreeing with it is no agreement with the whole.

"The blast killed five, including four civilians" and "four people were killed in the blast"
share the figure four, but one says five died and the other four: the part's agreement does
not make the same claim when the wholes, of one named measure, cannot both be right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# Words that make the next figure a part of the one before, right before it.
_PART_OF = re.compile(
    r"(?:\bincluding|\bamong\s+them|\bamong\s+whom|\bof\s+whom|\bof\s+which|\bof\s+them|"
    r"\bв\s+том\s+числе|\bиз\s+них|\bсреди\s+них|\bу\s+тому\s+числі|\bз\s+них|\bсеред\s+них|"
    r"\bвключно\s+з|\bincluyendo|\bentre\s+ellos|\bincluindo|\bdont|\bdarunter)"
    r"\s+(?:[^\W\d]+\s+){0,5}$",
    re.IGNORECASE)
LOOK_BEHIND = 45  # characters before the figure the words are looked for in
_COARSE = frozenset({"count", "share"})  # measures too general to say two wholes are one


class _Figure(Protocol):
    text: str
    measure: str
    low: float
    high: float

    def overlaps(self, other: _Figure) -> bool: ...


class _Bounded(_Figure, Protocol):
    hard_low: float
    hard_high: float


def is_part(text: str, f: _Figure) -> bool:
    """The figure is given as a part of a figure before it."""
    return bool(f.text) and _part_words_before(text, f.text)


@lru_cache(maxsize=1 << 16)  # read for each pair the claim is in: once per figure
def _part_words_before(text: str, figure: str) -> bool:
    pos = text.casefold().find(figure.casefold())
    return pos > 0 and _PART_OF.search(text[max(0, pos - LOOK_BEHIND):pos]) is not None


def whole_contradicts(text_a: str, text_b: str, agree: Sequence[tuple[_Figure, _Figure]],
                      frames_a: Sequence[_Bounded], frames_b: Sequence[_Bounded]
                      ) -> tuple[str, str] | None:
    """Every agreement pairs a part on one side with a figure that is no part on the other,
    and two values of one named measure (not a bare count), neither of them a part, do not
    overlap; or parts agree with parts and the wholes cannot be one (wholes_apart): the two
    figures that clash, else None."""
    if not agree:
        return None
    sides = [(is_part(text_a, x), is_part(text_b, y)) for x, y in agree]
    if (True, True) in sides and (True, False) not in sides and (False, True) not in sides:
        return wholes_apart(text_a, text_b, frames_a, frames_b)
    if any(pa == pb for pa, pb in sides):
        return None
    # The other side's figure that met a part is a whole of its own: a bare count there ("the
    # toll rose to four") is read against the part's whole ("five killed, including four").
    met_part = {id(y) if pa else id(x) for (x, y), (pa, _pb) in zip(agree, sides, strict=True)}
    found = _whole_clash(text_a, text_b, frames_a, frames_b, met_part)
    if found:
        return found
    found = _whole_clash(text_b, text_a, frames_b, frames_a, met_part)
    return (found[1], found[0]) if found else None


def _whole_clash(text_a: str, text_b: str, frames_a: Sequence[_Figure],
                 frames_b: Sequence[_Figure], met_part: set[int]) -> tuple[str, str] | None:
    """A whole of ``a`` of a named measure (no part) that does not overlap a figure of ``b``
    of the same measure, or a bare count of ``b`` that met a part of ``a`` (``met_part``: the
    ids of such figures): the two figures, else None."""
    for x in frames_a:
        if x.measure in _COARSE or x.measure == "date" or is_part(text_a, x):
            continue
        for y in frames_b:
            if (y.measure == x.measure or (y.measure in _COARSE and id(y) in met_part)) \
                    and not is_part(text_b, y) and not x.overlaps(y):
                return x.text, y.text
    return None


def wholes_apart(text_a: str, text_b: str, frames_a: Sequence[_Bounded],
                 frames_b: Sequence[_Bounded]) -> tuple[str, str] | None:
    """Two claims agreeing in parts ("including 730,000 children" and "including more than
    700,000 children") whose wholes cannot be one: a floor on one side ("more than 5
    million") above the value the other states ("approximately 4.8 million"), which only the
    other's looseness reached. The two wholes, else None."""
    for x in frames_a:
        if x.measure == "date" or is_part(text_a, x):
            continue
        for y in frames_b:
            if y.measure == "date" or is_part(text_b, y) or not _compatible(x.measure, y.measure):
                continue
            if _below_floor(x, y) or _below_floor(y, x):
                return x.text, y.text
    return None


def _compatible(a: str, b: str) -> bool:
    return a == b or a in _COARSE or b in _COARSE


def _below_floor(floor: _Bounded, other: _Bounded) -> bool:
    """``floor`` is open above ("more than X") and ``other`` states a closed value whose
    middle lies under X."""
    if not (floor.hard_high == math.inf and floor.hard_low > 0):
        return False
    if other.hard_high == math.inf or other.hard_low <= 0:
        return False
    return (other.low + other.high) / 2 < floor.hard_low
