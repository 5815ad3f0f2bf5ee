"""A running count said to pass a mark ("has exceeded the 8 million mark", "reached five million"):
a floor at that mark, so a figure below it is an earlier step of the count, never the same claim.

Extraction reads a qualifier only right before a figure ("more than 8 million"); a verb of
crossing with an article between ("passed the 8 million mark") leaves the figure bare, and its
interval [7.5 m, 8.5 m] then meets "more than 7.1 million" [7.1 m, 7.8 m] from a month before.
Read as what it says, "the count exceeded 8 million" is true only of 8 million or more.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# A verb of crossing a mark, right before the figure (an article or "the ... mark" between).
# "passed" only with "the" ("passed the 1,000 mark"): "the bill passed 311-112" is a vote.
_CROSSED = re.compile(
    r"(?:\bexceed(?:ed|s|ing)?|\bsurpass(?:ed|es|ing)?|\btopp(?:ed|ing)|\btops|"
    r"\breach(?:ed|es|ing)?|\bcross(?:ed|es|ing)|\bbroke|\b(?:went|gone)\s+past|"
    r"\bперевищ\w*|\bперевал\w*|\bпревы\w*|\bдостиг\w*|\bдосяг\w*|"
    r"\bsuper(?:ó|ou|a|ato|ado)|\bsobrepas\w*|\balcanz\w*|\batingi\w*|\büberschritt\w*|"
    r"\büberstieg\w*|\bdépass\w*)\s+(?:(?:the|a|an|la|el|a\s+marca\s+de|la\s+barre\s+des?|"
    r"die\s+marke\s+von|позначку\s+(?:у|в)|отметку\s+(?:в|во))\s+)?$"
    r"|\bpass(?:ed|es|ing)\s+the\s+$",
    re.IGNORECASE)
# A value said to fall short of itself ("nearly five million"), in the reporting's languages.
_SHORT_OF = ("nearly", "almost", "just under", "close to", "почти", "майже", "quase", "casi",
             "presque", "fast ", "quasi", "prawie", "bijna", "σχεδόν")
LOOK_BEHIND = 40  # characters before the figure the verb is looked for in


class _Figure(Protocol):
    text: str
    cls: str
    hard_high: float
    low: float
    high: float


def crossed_mark(text: str, f: _Figure) -> float | None:
    """The mark a figure is said to pass (its stated value), or None when no verb of crossing
    comes right before it."""
    if not f.text or not f.cls.startswith("count"):
        return None  # a running count of people or things, not a distance reached
    if not _crossing_verb_before(text, f.text):
        return None
    if not (math.isfinite(f.low) and math.isfinite(f.high)) or f.low <= 0:
        return None
    return (f.low + f.high) / 2


@lru_cache(maxsize=1 << 16)  # read for each pair the claim is in: once per figure
def _crossing_verb_before(text: str, figure: str) -> bool:
    lowered = text.casefold()
    pos = lowered.find(figure.casefold())
    return pos > 0 and _CROSSED.search(lowered[max(0, pos - LOOK_BEHIND):pos]) is not None


def _below_mark(text: str, x: _Figure, y: _Figure) -> bool:
    mark = crossed_mark(text, x)
    if mark is None:
        return False
    # The other value's soft end: "more than 7.1 million" reaches 7.8 million, not 8 million;
    # "nearly five million" is short of the five million mark, however round.
    return y.high < mark or (y.text.casefold().startswith(_SHORT_OF)
                             and y.hard_high <= mark)


def milestone_steps(text_a: str, text_b: str, same_measure: Sequence[tuple[_Figure, _Figure]]
                    ) -> list[tuple[_Figure, _Figure]]:
    """Values of one measure where one claim says the count passed a mark and the other's
    value is wholly below it: two steps of a running count (two claims, never a conflict)."""
    return [(x, y) for x, y in same_measure
            if _below_mark(text_a, x, y) or _below_mark(text_b, y, x)]
