"""How long a stock lasts is true on one day: "enough fuel for 10 days" reported twice, more
than ten days apart, is two stocks (the first would have run out), not one claim repeated.

Wire copy repeats such a sentence word for word on one day, and a later outage brings the same
round figure back weeks later; the publication dates tell the two apart when the sentences
carry no date of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# Words saying a duration is how long a stock or supply lasts, before the figure in its clause.
_LASTS = re.compile(
    r"\b(?:enough|sufficient|suffice|lasts?|lasting|reserves?|stocks?|supplies)\b|"
    r"\bвистач\w*|\bхват\w*|\bзапас\w*",
    re.IGNORECASE)
BEFORE = 60  # characters before the figure the words are looked for in


class _Frame(Protocol):
    text: str
    measure: str
    high: float


def lasts_for(text: str, f: _Frame) -> bool:
    """The figure is a duration the sentence says a stock or supply lasts."""
    if f.measure != "duration" or not f.text:
        return False
    pos = text.casefold().find(f.text.casefold())
    return pos > 0 and _LASTS.search(text[max(0, pos - BEFORE):pos]) is not None


def supplies_apart(text_a: str, text_b: str, agree: Sequence[tuple[_Frame, _Frame]],
                   days: float | None) -> tuple[str, str] | None:
    """An agreeing duration both sentences give as how long a stock lasts, published further
    apart than it lasts: the two figures, else None (``days``: days between publications)."""
    if days is None or not agree:
        return None
    for x, y in agree:
        if days > max(x.high, y.high) and lasts_for(text_a, x) and lasts_for(text_b, y):
            return x.text, y.text
    return None
