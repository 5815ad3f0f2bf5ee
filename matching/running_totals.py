"""Running totals stated in the other languages of the reporting ("desde que a Rússia invadiu",
"seit Kriegsbeginn", "depuis le début"): matching.slot reads "since", "so far" and "to date" in
English, Ukrainian and Russian; a total in Portuguese or German is as much a running count.

Two undated running totals of one measure far apart as stated are two steps of the count
(matching.slot.undated_total_steps), whatever language each is in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matching.frames import Frame
from matching.slot import BOUNDS_APART, anchor, as_of_days_apart, cumulative

_SINCE_ELSEWHERE = re.compile(
    r"\bdesde\b|\bseit\b|\bdepuis\b|\bda\s+quando\b|\bdall'inizio\b|\bsinds\b|\bsejak\b|"
    r"\bsedan\b|\bsiden\b|\bod\s+(?:początku|začátku|zahájení)\b|\bmula\s+(?:nang|noong)\b|"
    r"\bkể\s+từ\b|\bbisher\b|\bfinora\b|\bhasta\s+ahora\b|\baté\s+agora\b|\bjusqu'ici\b",
    re.IGNORECASE)


def running_total(text: str) -> bool:
    """The claim states a running total, in English, Ukrainian, Russian or another language."""
    return cumulative(text) or _SINCE_ELSEWHERE.search(text) is not None


def undated_steps_elsewhere(text_a: str, text_b: str, same_measure: Sequence[tuple[Frame, Frame]]
                            ) -> list[tuple[Frame, Frame]]:
    """matching.slot.undated_total_steps where a claim says "since" in another language: values
    of one measure more than BOUNDS_APART apart as stated, as of days the claims do not give."""
    if cumulative(text_a) and cumulative(text_b):
        return []  # matching.slot has decided these
    if not (running_total(text_a) and running_total(text_b)):
        return []
    out = []
    for x, y in same_measure:
        if x.measure == "date" or as_of_days_apart(x, y) is not None:
            continue
        ax, ay = anchor(x), anchor(y)
        if ax is not None and ay is not None and abs(ax - ay) > BOUNDS_APART * max(
                abs(ax), abs(ay), 1e-9):
            out.append((x, y))
    return out
