"""Which stated date a figure is as of, when a sentence states two: a date that names an
event ("the June 11 strike", "Sunday's attack", "the 7 October order") or starts a count
("since the evacuation was announced on 7 October") is not the day the figure is as of; the
other date is ("the toll from the June 11 strike rose to 18 on June 13"), and beside an
event's date the sentence marks it as such."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Nouns of events a date can name: "the June 11 strike", "Russia's 13 June attack", "the
# Oct. 7 order", "the 20 April swap" (and their Ukrainian and Russian forms after the date).
_EVENT_NOUNS = (r"strikes?|attacks?|shelling|bombings?|bombardment|raids?|blasts?|explosions?|"
                r"assault|barrage|offensive|massacre|swaps?|exchanges?|orders?|decrees?|"
                r"announcement|evacuation|earthquake|flood|fire|crash|"
                r"удар\w*|атак\w*|обстр\w*|обмін\w*|обмен\w*")
# Words that may stand between the date and its event noun ("the June 11 ballistic missile
# strike", "Sunday's drone and missile attack").
_BETWEEN = r"(?:(?:russian|russia's|ukrainian|deadly|massive|combined|ballistic|cruise|missile|" \
           r"missiles|drone|drones|glide|bomb|and|air|rocket|artillery|mass|overnight|" \
           r"ракетн\w*|масован\w*|нічн\w*|ночн\w*)\s+){0,4}"
_EVENT_AFTER = re.compile(rf"(?:'s)?\s*(?:,\s*)?{_BETWEEN}(?:{_EVENT_NOUNS})\b", re.IGNORECASE)
# "the strike on June 11", "the attack of 13 June" (the date right after its event noun).
_EVENT_BEFORE = re.compile(rf"\b(?:{_EVENT_NOUNS})\s+(?:on|of)\s+(?:the\s+)?$", re.IGNORECASE)
# A clause opened by "since" that the date sits in ("since the evacuation of Kherson was
# announced on 7 October"): a start, not an as-of day.
_SINCE_CLAUSE = re.compile(r"\b(?:ever\s+)?since\b[^,;:!?]*$", re.IGNORECASE)


def names_event(lowered: str, start: int, end: int) -> bool:
    """The date at ``lowered[start:end]`` is the date of an event named beside it."""
    if _EVENT_AFTER.match(lowered, end) is not None:
        return True
    return _EVENT_BEFORE.search(lowered, max(0, start - 40), start) is not None


def starts_count(lowered: str, start: int) -> bool:
    """The date at ``start`` sits in a clause opened by "since"."""
    return _SINCE_CLAUSE.search(lowered, max(0, start - 120), start) is not None


def as_of_dates(lowered: str, dates: Sequence[Any]) -> tuple[list[Any], bool]:
    """The dates of a sentence (``lowered``, casefolded) that may be the day its figures are
    as of, and whether the sentence marks that day as such: a date that names an event or
    starts a count is left out when another date remains; one date left beside an event's
    date is marked ("the toll of the 11 June strike rose to 18 on 13 June"), a date left
    beside a count's start is not (it may be the day figures were released, which can lag
    the day they are as of). ``dates``: the sentence's date quantities, with their ``text``."""
    events, starts = [], []
    for q in dates:
        start = lowered.find(q.text.casefold()) if q.text else -1
        if start < 0:
            continue
        if names_event(lowered, start, start + len(q.text)):
            events.append(q)
        elif starts_count(lowered, start):
            starts.append(q)
    other = events + starts
    left = [q for q in dates if all(q is not o for o in other)]
    if not other or not left:
        return list(dates), False
    # One date left is the as-of day; of several ("annexed in 2014, a court on Thursday
    # sentenced ... over the 2022 bombing") the sentence does not say which.
    return left, bool(events) and len(left) == 1


# Words that say a count changed since an earlier reading ("rose to", "had now died").
_UPDATE = re.compile(r"\b(?:rose|risen|climbed|increased|grew|jumped|had\s+now|has\s+now|"
                     r"now\s+stands|зросл\w*|збільшил\w*|возросл\w*|выросл\w*|увеличил\w*)\b",
                     re.IGNORECASE)


def updated_event(lowered: str, dates: Sequence[Any], left: Sequence[Any]) -> Any | None:
    """The dated event a sentence says its count rose from ("the toll from the 6 May strike
    rose to 10 on 7 May": the 6 May date), or None (``left``: as_of_dates' dates)."""
    if _UPDATE.search(lowered) is None:
        return None
    return next((q for q in dates if all(q is not d for d in left)), None)

