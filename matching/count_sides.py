"""Whose people a count counts: "65 Russian servicemen" and "Ukraine brought back 65 of its
soldiers" count the two sides of one exchange. The side is the nationality right after the
figure, or, for "N of its (their) ...", the side named first before the figure. Two claims
whose agreeing counts count people of different sides are two claims."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matching.frames import Frame

_SIDE_WORDS = (("ukraine", r"ukrain\w*|kyiv\w*|kiev\w*|zelensk\w*|україн\w*|киев\w*|київ\w*|украин\w*"),
               ("russia", r"russia\w*|moscow\w*|kremlin\w*|росі\w*|росій\w*|росси\w*|москв\w*"))
_SIDE = re.compile("|".join(f"(?P<{name}>(?<!\\w)(?:{p})(?!\\w))" for name, p in _SIDE_WORDS),
                   re.IGNORECASE)
_AFTER = re.compile(r"\s+(?:(?:more|other|of|the)\s+)?(?P<word>\w+)", re.IGNORECASE)
_OF_ITS = re.compile(r"\s+of\s+(?:its|their|his|her)\s", re.IGNORECASE)


def _side_of(word: str) -> str | None:
    m = _SIDE.fullmatch(word)
    return None if m is None else m.lastgroup


def count_side(text: str, figure: str) -> str | None:
    """"ukraine" or "russia": whose people the count ``figure`` in ``text`` counts, or None."""
    start = text.casefold().find(figure.casefold()) if figure else -1
    if start < 0:
        return None
    end = start + len(figure)
    inside = _SIDE.search(text, start, end)  # "84 Russian soldiers" read as one figure
    if inside is not None:
        return inside.lastgroup
    if _OF_ITS.match(text, end):
        m = _SIDE.search(text, 0, start)
        return None if m is None else m.lastgroup
    m = _AFTER.match(text, end)
    return _side_of(m.group("word")) if m else None


def count_sides_differ(a_text: str, b_text: str, agree: Sequence[tuple[Frame, Frame]]
                       ) -> tuple[str, str] | None:
    """The two sides when every agreeing pair of counts counts people of different sides."""
    found = None
    for x, y in agree:
        if x.measure == "date":
            continue
        if not x.cls.startswith("count") or not y.cls.startswith("count"):
            return None
        sx, sy = count_side(a_text, x.text), count_side(b_text, y.text)
        if sx is None or sy is None or sx == sy:
            return None
        found = (sx, sy)
    return found
