"""Ordinals that count recurring events ("the tenth blackout", "the 9th time", "the seventh
instance"): frames of measure "ordinal", so that "tenth" meets "10th" and the eighth blackout is
not the tenth. "First" is left out: "for the first time" is an idiom far more often than a count."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}
# Nouns of events that recur and are counted; up to two words may stand between ("the 11th
# total blackout", "the tenth such incident").
_EVENTS = (r"times?|instances?|blackouts?|outages?|incidents?|occasions?|disconnections?|"
           r"power\s+cuts?|losses|loss")
# A substring of every event noun of _EVENTS.
_EVENT_STEMS = ("time", "instance", "blackout", "outage", "incident", "occasion", "disconnection",
                "power", "loss")
_ORDINAL = re.compile(
    rf"\b(?P<n>{'|'.join(_ORDINAL_WORDS)}|[1-9]\d?(?:st|nd|rd|th))\s+(?:[^\W\d_]+\s+){{0,2}}?"
    rf"(?P<event>{_EVENTS})\b", re.IGNORECASE)


def event_ordinals(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, str]]:
    """(n, text) of each ordinal counting an event, outside the spans ``taken`` (dates)."""
    if text.isascii():
        # Most sentences name no event noun: a substring test skips the regex (in ASCII text
        # IGNORECASE is plain lower case; other letters may fold into these, so no skipping).
        lowered = text.lower()
        if not any(stem in lowered for stem in _EVENT_STEMS):
            return []
    out = []
    for m in _ORDINAL.finditer(text):
        if any(s < m.end("n") and m.start() < e for s, e in taken):
            continue
        word = m.group("n").casefold()
        n = _ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))
        if n >= 2:
            out.append((n, m.group(0)))
    return out
