"""What a count counts: people of one kind (civilians, soldiers, children, prisoners), people
in general, or things (shells), from the figure's own words and the few after it.

Counts of different things are different claims whatever else they share: "300 shells fired at
Kherson on 26 July" and "300 civilians evacuated from Kherson on 26 July" agree on place, day
and value, yet neither says anything about the other. A generic word ("people", "residents")
counts any kind of people, so "300 people" still meets "about 600 civilians".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# kind -> word stems (lower case; a word counts when it starts with a stem). Kinds of people
# first: measure_context reads who a count of people counts from the same table.
PEOPLE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("civilians", ("civilian", "цивіл", "мирних", "мирных", "мирного", "мирне")),
    ("troops", ("soldier", "troop", "servicem", "military", "personnel", "combatant",
                "військов", "военн", "бійц", "бойц", "солдат", "вояк")),
    ("children", ("child", "kids", "дітей", "діти", "дитин", "детей", "дети", "ребен")),
    ("prisoners", ("prisoner", "pow", "полонен", "пленн")),
)
PEOPLE = "people"  # a generic count of people: meets every kind of people
_GENERIC_PEOPLE = ("people", "person", "resident", "individual", "inhabitant", "люд", "осіб",
                   "особ", "человек", "жител", "мешкан")
THING_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shells", ("shell", "снаряд", "mortar round", "artillery round")),
)
_KINDS = PEOPLE_KINDS + ((PEOPLE, _GENERIC_PEOPLE),) + THING_KINDS
_PEOPLE_FAMILY = frozenset(k for k, _s in PEOPLE_KINDS) | {PEOPLE}

WORDS_AFTER = 5  # words after the figure its kind is looked for in
_WORD = re.compile(r"\w+", re.UNICODE)
_CLAUSE_END = re.compile(r"[,;:.()\[\]—–]|\s-\s")


def counted_kind(text: str, start: int, end: int) -> str | None:
    """The kind a count at text[start:end] counts, from its own words and up to WORDS_AFTER
    words after it in its clause; None when no word says."""
    stop = _CLAUSE_END.search(text, end)
    limit = min(len(text), end + 80, stop.start() if stop else len(text))
    words = _WORD.findall(text[start:end]) + [
        m.group(0) for m in _WORD.finditer(text, end, limit)][:WORDS_AFTER]
    for w in words:
        kind = _kind_of_word(w.casefold())
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=1 << 16)
def _kind_of_word(low: str) -> str | None:
    """The first kind of _KINDS one of whose stems starts the (folded) word."""
    for kind, stems in _KINDS:
        if low.startswith(stems):
            return kind
    return None


def kinds_compatible(a: str | None, b: str | None) -> bool:
    """Two counts may count the same: one kind unknown, the same kind, or people in general
    against a kind of people."""
    if a is None or b is None or a == b:
        return True
    return PEOPLE in (a, b) and a in _PEOPLE_FAMILY and b in _PEOPLE_FAMILY


class _Counting(Protocol):
    counted: str | None


def kinds_differ(a: Sequence[_Counting], b: Sequence[_Counting]) -> tuple[str, str] | None:
    """Both claims count something and what one counts the other never does: a kind of each
    (for the explanation), else None."""
    kinds_a = sorted({f.counted for f in a if f.counted})
    kinds_b = sorted({f.counted for f in b if f.counted})
    if not kinds_a or not kinds_b or any(
            kinds_compatible(x, y) for x in kinds_a for y in kinds_b):
        return None
    return kinds_a[0], kinds_b[0]


CHILDREN = "children"


class _Counted(Protocol):
    counted: str | None
    text: str
    measure: str


# A toll counts people when its words do not say what it counts ("the death toll stood at 4",
# "strike kills 4").
_TOLLS = frozenset(("killed", "wounded"))


def _kind_or_toll(f: _Counted) -> str | None:
    return f.counted or (PEOPLE if f.measure in _TOLLS else None)


def children_against_all(agree: Sequence[tuple[_Counted, _Counted]]) -> tuple[str, str] | None:
    """Every figure the two claims agree on counts children on one side and people in general
    on the other ("7 children were among the dead" and "7 people died"; a count whose kind
    the words do not say is left alone, unless it is a toll: people): children are a part of the people a toll counts,
    so the same number of children and of people are two counts of one event, two claims.
    The two figures, else None."""
    if not agree or any({_kind_or_toll(x), _kind_or_toll(y)} != {CHILDREN, PEOPLE}
                        for x, y in agree):
        return None
    return agree[0][0].text, agree[0][1].text
