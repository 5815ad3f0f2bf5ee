"""Opposite outcomes of one count: homes that lost power and homes where it was restored,
drones launched and drones shot down. The verb nearest a figure says which of the two it
counts; two claims whose agreeing figures count opposite outcomes are two claims ("power was
restored to 63,400 households" is not "63,400 households lost power"), whatever their words
share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from matching.frames import Frame

# Each opposition: (name, pattern) pairs whose outcomes exclude each other for one count.
_OPPOSITIONS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("without power", r"without\s+(?:power|electricity|light|heating)|lost\s+(?:power|electricity)|"
                       r"cut\s+(?:off\s+)?(?:power|electricity)|blackouts?|power\s+cuts?|"
                       r"de-?energi[sz]ed|без\s+(?:світла|електро\w*|електри\w*|электри\w*|"
                       r"света)|знеструм\w*|обесточ\w*"),
     ("power restored", r"restored|reconnected|back\s+on|power\s+back|відновл\w*|"
                        r"восстановл\w*|повернули\s+світло")),
    (("launched", r"launch\w*|fired|sent\s+against|attacked\s+\w+\s+with|used|"
                  r"випустил\w*|выпустил\w*|запустил\w*|атакува\w*|атаковал\w*"),
     ("shot down", r"shot\s+down|downed|intercept\w*|jammed|destroyed|neutrali[sz]ed|"
                   r"сбит\w*|сбил\w*|збит\w*|збил\w*|знешкод\w*|уничтож\w*|знищ\w*|"
                   r"перехопл\w*|перехвач\w*")),
)
# How far from a figure its verb may stand (characters).
_REACH = 60


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    return tuple(tuple((name, re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE))
                       for name, p in opposition) for opposition in _OPPOSITIONS)


@lru_cache(maxsize=1 << 16)
def outcome_of(text: str, figure: str) -> tuple[int, str] | None:
    """(opposition, outcome) of the figure ``figure`` in ``text``: the outcome whose words
    stand nearest the figure (before it on a tie), or None when none is near. Kept per (text,
    figure): a claim meets dozens of candidates, and the search is the same each time."""
    lowered = text.casefold()
    start = lowered.find(figure.casefold()) if figure else -1
    if start < 0:
        return None
    end = start + len(figure)
    best: tuple[int, int, int, str] | None = None  # (distance, after, opposition, outcome)
    for k, opposition in enumerate(_patterns()):
        for name, pattern in opposition:
            for m in pattern.finditer(lowered, max(0, start - 2 * _REACH), end + 2 * _REACH):
                if m.end() <= start:
                    key = (start - m.end(), 0, k, name)
                elif m.start() >= end:
                    key = (m.start() - end, 1, k, name)
                else:
                    continue
                if key[0] > _REACH:
                    continue
                if best is None or key[:2] < best[:2]:
                    best = key
    return None if best is None else (best[2], best[3])


def outcomes_differ(a_text: str, b_text: str, agree: Sequence[tuple[Frame, Frame]]
                    ) -> tuple[str, str] | None:
    """The two outcomes when every agreeing pair of figures (other than dates) counts
    opposite outcomes of one opposition in the two claims, else None."""
    found = None
    for x, y in agree:
        if x.measure == "date":
            continue
        ox, oy = outcome_of(a_text, x.text), outcome_of(b_text, y.text)
        if ox is None or oy is None or ox[0] != oy[0] or ox[1] == oy[1]:
            return None
        found = (ox[1], oy[1])
    return found
