"""Places a claim names after a preposition ("drones aimed at Lutsk", "stood 18 miles from
Uman") or as what was struck ("a strike on Sloviansk", "a drone hit Sumy"), whether or not
the name table knows them.

A town the name table does not know still decides what a claim is about: "67% of the drones
launched at Pervomaisk" and "67% of the drones launched at Bila Tserkva" on the same night are
two claims, never one claim and never a conflict. Names are compared folded to their first five
letters ("Kharkiv"/"Kharkov") and only between sentences of one script, since an unknown name
written in two scripts cannot be compared.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

_PLACE = re.compile(
    r"\b(?:at|in|over|near|from|into|outside|around|of|(?:strikes?|attacks?|assault|raid|"
    r"shelling)\s+on|hit|struck|shelled)\s+([A-Z][^\W\d_]{2,}(?:[-'’][^\W\d_]+)?)")
# Not places: the broad ones every claim of this war names, months, weekdays, sentence words.
_NOT_PLACES = frozenset((
    "ukrai", "russi", "europ", "ameri", "unite", "kyiv", "kiev", "moscow", "the", "janua",
    "febru", "march", "april", "may", "june", "july", "augus", "septe", "octob", "novem",
    "decem", "monda", "tuesd", "wedne", "thurs", "frida", "satur", "sunda", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "this", "that",
    "these", "those", "total", "all", "some", "most", "addit", "parti", "gener", "overa",
    # Institutions ("Ministry of Defence", "Chief of General Staff", "Joint Forces").
    "defen", "defenc", "forei", "justi", "healt", "inter", "state", "natio", "joint", "staff",
    "emerg", "finan", "energ", "publi", "milit", "armed", "force", "gover", "presi", "secur",
))

# "the governor of Donetsk" names who speaks, not where it happened.
_TITLE_OF = re.compile(r"\b(?:governor|mayor|head|chief|leader|administration)\s+of\s*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def named_places(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, folded name) of the places named after a preposition (Latin script)."""
    out = []
    for m in _PLACE.finditer(text):
        key = m.group(1).casefold()[:5]
        if key in _NOT_PLACES or key[:3] in _NOT_PLACES or _TITLE_OF.search(
                text, max(0, m.start() - 16), m.start(1)):
            continue
        out.append((m.start(1), m.end(1), key))
    return tuple(out)

if TYPE_CHECKING:
    from extraction.names import AliasTable

# _resolved of the sentences met lately, under the name table they were resolved with (a
# claim meets several candidates in grouping; the table's lookup is the costly part).
_RESOLVED_CAP = 1 << 15
_resolved_seen: dict[tuple[str, tuple[tuple[int, int, str], ...]], frozenset[str]] = {}
_resolved_table: list[object] = [None]


def _resolved(text: str, named: tuple[tuple[int, int, str], ...]) -> frozenset[str]:
    """The names with those the name table knows replaced by its key ("Artyomovsk" is
    Bakhmut), and those it knows as something other than a place left out."""
    from extraction.names import default_aliases

    table = default_aliases()
    if _resolved_table[0] is not table or len(_resolved_seen) >= _RESOLVED_CAP:
        _resolved_seen.clear()
        _resolved_table[0] = table
    found = _resolved_seen.get((text, named))
    if found is None:
        found = _resolved_seen[(text, named)] = _resolved_by(table, text, named)
    return found


def _resolved_by(table: AliasTable, text: str,
                 named: tuple[tuple[int, int, str], ...]) -> frozenset[str]:
    mentions = table.find(text)
    out = set()
    for start, end, key in named:
        hit = next((k for s, e, k in mentions if s < end and start < e), None)
        if hit is None:
            out.add(key)
        elif table.type_of(hit) == "place":
            out.add(hit)
    return frozenset(out)


def places_differ(text_a: str, text_b: str, named_a: tuple[tuple[int, int, str], ...] | None = None,
                  named_b: tuple[tuple[int, int, str], ...] | None = None) -> tuple[str, str] | None:
    """Both sentences name places and none in common: one of each (for the explanation).
    ``named_a``/``named_b``: their named_places when the caller keeps them (ClaimParts)."""
    a = named_places(text_a) if named_a is None else named_a
    b = named_places(text_b) if named_b is None else named_b
    if not a or not b or {k for *_s, k in a} & {k for *_s, k in b}:
        return None
    # (Only pairs that look apart pay for the name table.)
    ra, rb = _resolved(text_a, a), _resolved(text_b, b)
    if not ra or not rb or ra & rb:
        return None
    return min(ra), min(rb)
