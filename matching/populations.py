"""Whom a poll share is a share of: everyone asked, or only a part of them ("52% of those who
back talks", "more than half of Ukrainians who favour negotiations").

A share of a sub-population is another measure than the same share of everyone: "52% of
Ukrainians who want talks accept concessions" is not true of "52% of Ukrainians accept
concessions". A clause that only says who was asked ("of those polled", "of Ukrainians who took
part") restricts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

# Right after the share: "of/among [the] <up to two words> who|that <verb>".
_RESTRICTED = re.compile(
    r"^\s*(?:of|among|amongst)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:who|that)\s+(?P<verb>[\w'-]+)"
    r"(?:\s+(?P<next>[\w'-]+))?",
    re.IGNORECASE)
# Before the share, in its sentence: "Among those who back talks, 52% ...", "Серед тих, хто ...".
_AMONG_BEFORE = re.compile(
    r"(?:\bamong|\bamongst|\bсеред|\bсреди)\s+(?:the\s+)?(?:[\w'-]+\s*,?\s+){0,2}?"
    r"(?:who|that|хто|кто)\s+(?P<verb>[\w'-]+)(?:\s+(?P<next>[\w'-]+))?[^.;!?]*$",
    re.IGNORECASE)
# Right after the share: "52% серед тих, хто ...".
_AMONG_AFTER = re.compile(r"^\s*(?:серед|среди)\s+(?:тих|тех|[\w'-]+)\s*,?\s+(?:хто|кто)\b",
                          re.IGNORECASE)
# Who was asked, not a part of them.
_ASKED = ("poll", "survey", "ask", "question", "interview", "respond", "answer", "sampl",
          "took", "take", "participat", "express", "gave", "give", "replied")
_AUXILIARY = frozenset({"were", "was", "are", "is", "have", "had", "has"})
AFTER = 60  # characters after the share the clause is read in
BEFORE = 100  # ... and before it


class _Share(Protocol):
    text: str
    cls: str


def restricted_population(text: str, f: _Share) -> bool:
    """The share is one of a part of those asked, by a clause right after it."""
    if f.cls != "percent" or not f.text:
        return False
    return _restricted_after(text, f.text)


@lru_cache(maxsize=1 << 16)  # read for each pair the claim is in: once per share
def _restricted_after(text: str, figure: str) -> bool:
    pos = text.casefold().find(figure.casefold())
    if pos < 0:
        return False
    after = text[pos + len(figure):pos + len(figure) + AFTER]
    if _AMONG_AFTER.search(after):
        return True
    found = _RESTRICTED.search(after) or _AMONG_BEFORE.search(text[max(0, pos - BEFORE):pos])
    if found is None:
        return False
    verb = found.group("verb").casefold()
    if verb in _AUXILIARY:
        verb = (found.group("next") or "").casefold()
    return bool(verb) and not verb.startswith(_ASKED)


def populations_differ(text_a: str, text_b: str,
                       agree: Sequence[tuple[_Share, _Share]]) -> tuple[str, str] | None:
    """Every agreeing share is of a part of those asked on one side only (the first such pair's
    figures, the part's first, for the explanation); None otherwise."""
    found = None
    for x, y in agree:
        if x.cls != "percent" or y.cls != "percent":
            return None
        part_a = restricted_population(text_a, x)
        if part_a == restricted_population(text_b, y):
            return None
        found = found or ((x.text, y.text) if part_a else (y.text, x.text))
    return found
