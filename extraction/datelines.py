"""News datelines ("MINSK, Sept. 5 -", "KYIV, March 3 (Reuters) -") that open a sentence."""

from __future__ import annotations

import re

# The place in capitals ("MINSK", "NEW YORK", "ST. PETERSBURG", "KYIV/MOSCOW", "МОСКВА"), at least
# two letters; optionally ", Country" and ", Sept. 5[, 2014]" / ", 5 сентября"; optionally an agency
# in brackets; then a dash with spaces around it.
_CAPS = r"[A-ZА-ЯЁІЇЄҐ]"
_PLACE_WORD = rf"{_CAPS}(?:[A-ZА-ЯЁІЇЄҐ'’.-]*{_CAPS}\.?)"
_PLACE = rf"{_PLACE_WORD}(?:[ /]{_PLACE_WORD})*"
_DETAIL = r",[ \u00a0]*[\w.'’ \u00a0-]{1,30}?"  # ", Sept. 5", ", Russia", ", 2014"
_AGENCY = r"[ \u00a0]*\([\w .&’'-]{1,30}\)"
# What follows the dash starts a sentence: "MINSK, Sept. 5 - Envoys", not "NATO - the alliance -".
_DATELINE = re.compile(
    rf"{_PLACE}(?:{_DETAIL}){{0,3}}(?:{_AGENCY})?[ \u00a0]+(?:-{{1,2}}|–|—)[ \u00a0]+"
    rf"(?=[“\"‘'«(]?[0-9{_CAPS[1:-1]}])"
)


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the sentence ``text[start:end]`` starts after its dateline; ``start`` without one."""
    m = _DATELINE.match(text, start, end)
    return start if m is None else m.end()
