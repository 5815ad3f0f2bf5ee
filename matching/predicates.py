"""The stance a claim takes on what it is about: accepted / backed, or rejected / removed.

"Ukraine accepted the 30-day ceasefire" and "the Kremlin rejected the 30-day ceasefire" name one
ceasefire and say opposite things of it; "a clause on $100 billion was removed from the plan"
is not "$100 billion will be invested". The stance is read from verbs of acceptance and of
refusal or removal (English, Ukrainian, Russian, and the commonest forms of a few other
languages); a claim naming both, or neither, has no stance of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

POSITIVE = "accept"
NEGATIVE = "refuse"

# Word beginnings (casefolded). Kept to verbs of taking a position: "withdraw" (troops) and
# "drop"/"decline" (a fall in a figure) say something else in this domain.
_POSITIVE = (
    "accept", "agreed", "agrees", "agree to", "endors", "approv", "backed", "backs", "ratif",
    "welcomed", "embraced",
    "погоди", "погодж", "підтрима", "підтримал", "схвал", "ухвал", "прийня",
    "соглас", "поддержал", "поддержива", "одобр", "приня",
    "acept", "aprob", "respald", "akzeptier", "zugestimm", "approuv", "accepté",
    "zaakceptow", "poparł", "poparli",
)
_NEGATIVE = (
    "reject", "dismiss", "refus", "denied", "denies", "deny", "rebuff", "spurn", "vetoed",
    "removed", "scrapped", "deleted", "struck out", "ruled out", "turned down",
    "відкин", "відхил", "відмов", "видален", "вилучен", "викреслен",
    "отверг", "отклон", "отказ", "удален", "исключен", "вычеркн",
    "rechaz", "eliminad", "suprimid", "abgelehnt", "lehnte", "gestrichen", "rejet", "refusé",
    "supprim", "odrzuc",
)
_WORDS = re.compile(r"[^\W\d_]+(?:\s+(?:to|out|down))?", re.UNICODE)
# Any of the beginnings anywhere in the casefolded text: a text without one takes no stance
# (one search instead of a prefix test on every word).
_ANY_STANCE = re.compile("|".join(map(re.escape, _POSITIVE + _NEGATIVE)))


@lru_cache(maxsize=1 << 18)
def stance(text: str) -> str | None:
    """POSITIVE, NEGATIVE, or None (neither, or both: "Moscow rejected the truce Kyiv
    accepted" takes no single stance)."""
    folded = text.casefold()
    if _ANY_STANCE.search(folded) is None:
        return None
    pos = neg = False
    for m in _WORDS.finditer(folded):
        w = m.group(0)
        if not pos and w.startswith(_POSITIVE):
            pos = True
        if not neg and w.startswith(_NEGATIVE):
            neg = True
    if pos == neg:
        return None
    return POSITIVE if pos else NEGATIVE


@lru_cache(maxsize=1 << 18)
def _has_stance_word(text: str) -> bool:
    return any(m.group(0).startswith(_POSITIVE + _NEGATIVE)
               for m in _WORDS.finditer(text.casefold()))


def stances_opposite(a: str, b: str) -> bool:
    """One claim accepts what the other refuses."""
    return both_differ(stance(a), stance(b))


def both_differ(sa: str | None, sb: str | None) -> bool:
    """Both claims have one (a stance, a leading side: read once per claim), not the same."""
    return sa is not None and sb is not None and sa != sb


def stances_differ(a: str, b: str) -> bool:
    """Opposite stances, or one claim takes a stance and the other names no stance at all
    (it says something else of the thing: "the truce would only give the army a pause")."""
    return stances_of_texts_differ(a, b, stance(a), stance(b))


def stances_of_texts_differ(a: str, b: str, sa: str | None, sb: str | None) -> bool:
    """:func:`stances_differ`, given the two claims' stances (read once per claim)."""
    if sa == sb:
        return False
    if sa is not None and sb is not None:
        return True
    plain = b if sa is not None else a
    return not _has_stance_word(plain)


# The sides a claim may be led by: the party named first is most often the one acting or
# speaking ("Russia said it would scale back ..." / "Ukraine offered ..."). Stems, casefolded.
_SIDES = (
    ("ukraine", ("ukrain", "kyiv", "kiev", "україн", "київ", "украин", "киев", "ucrania",
                 "ukraina", "zelensk", "зеленськ", "зеленск")),
    ("russia", ("russia", "moscow", "kremlin", "росі", "росси", "москв", "кремл", "rusia",
                "rosja", "russland", "putin", "путін", "путин")),
    ("united_states", ("washington", "american", "u.s.", "usa", "united states", "сша",
                       "америк", "estados unidos", "trump", "трамп", "biden", "байден")),
)
# Any side's stem anywhere in the casefolded text: a text without one is led by no side.
_ANY_SIDE = re.compile("|".join(re.escape(stem) for _side, stems in _SIDES for stem in stems))
_SIDE_WORDS = re.compile(r"(?<![\w-])(?:u\.s\.|united states|estados unidos|[^\W\d_]+)(?![\w-])",
                         re.UNICODE)


@lru_cache(maxsize=1 << 18)
def lead_side(text: str) -> str | None:
    """The side named first in the claim, or None. A side in a compound ("US-Ukraine talks",
    "US-backed") or after "by" (a passive's agent: "proposed by the US") does not lead."""
    low = text.casefold()
    if _ANY_SIDE.search(low) is None:
        return None
    previous = ""
    for m in _SIDE_WORDS.finditer(low):
        w = m.group(0)
        if previous not in ("by", "the") or (previous == "the" and not _after_by(low, m.start())):
            for side, stems in _SIDES:
                if w.startswith(stems):
                    return side
        previous = w
    return None


def _after_by(low: str, start: int) -> bool:
    return low[max(0, start - 7):start].rstrip().endswith("by the")


def lead_sides_differ(a: str, b: str) -> bool:
    """Both claims are led by a side, and not the same one."""
    return both_differ(lead_side(a), lead_side(b))
