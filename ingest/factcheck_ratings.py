"""Placing a published fact-check's rating ("Pants on Fire", "Mixture", "Faux") on our scale."""

from __future__ import annotations

import math
import re

from storage.models import Rating

# The words publishers use, lower-cased; the rating as published is always kept beside ours,
# so a label missing here loses nothing but the badge colour.
_LABELS: dict[str, tuple[str, ...]] = {
    Rating.TRUE: ("true", "correct", "accurate", "verified", "vrai", "verdadero",
                  "verdadeiro", "wahr", "richtig", "vero", "правда", "вірно", "правдиво",
                  "достоверно", "вірогідно", "geppetto checkmark"),
    Rating.MOSTLY_TRUE: ("mostly true", "mostly correct", "mostly accurate", "largely true",
                         "largely accurate", "plutôt vrai", "mostly-true"),
    Rating.HALF_TRUE: ("half true", "half-true", "half truth", "mixture", "mixed", "partly true",
                       "partially true", "partially correct",
                       "напівправда", "полуправда", "частично правда", "частково правда"),
    Rating.MISLEADING: ("misleading", "missing context", "lacks context", "out of context",
                        "exaggerated", "exaggeration", "distorts the facts", "cherry picks",
                        "spins the facts", "trompeur", "engañoso", "enganoso", "irreführend",
                        "маніпуляція", "манипуляция", "вводить в оману", "вводит в заблуждение",
                        "two pinocchios"),
    Rating.MOSTLY_FALSE: ("mostly false", "largely false", "mostly inaccurate", "partly false",
                          "partially false", "three pinocchios", "mostly-false",
                          "переважно неправда"),
    Rating.FALSE: ("false", "incorrect", "inaccurate", "wrong", "fake", "pants on fire",
                   "pants on fire!", "fabricated", "four pinocchios", "altered", "hoax",
                   "baseless", "faux", "falso", "falsch", "фейк", "неправда", "брехня",
                   "ложь", "не відповідає дійсності"),
    Rating.UNVERIFIABLE: ("unverifiable", "unproven", "unsupported", "no evidence",
                          "unsubstantiated", "not proven", "cannot be verified",
                          "insufficient evidence", "неперевірено", "не доказано"),
}
_BY_LABEL = {label: str(rating) for rating, labels in _LABELS.items() for label in labels}
# Longest first, so "mostly false" is found before "false" at the start of a sentence.
_PREFIXES = sorted(_BY_LABEL, key=len, reverse=True)
_SPACE = re.compile(r"[\s_]+")
_FIVE_POINT = {5: Rating.TRUE, 4: Rating.MOSTLY_TRUE, 3: Rating.HALF_TRUE, 2: Rating.MOSTLY_FALSE,
               1: Rating.FALSE}


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.replace("‑", "-")).strip(" .!:;-–—\"'").casefold()


def rating_from_text(text: str | None) -> str | None:
    """Our rating for a published label: the whole label ("Mostly False"), or a label that
    opens a sentence ("False. The photo is from 2014"); None when it does not map."""
    if not text:
        return None
    label = _normal(text)
    if label in _BY_LABEL:
        return _BY_LABEL[label]
    for prefix in _PREFIXES:
        if label.startswith(prefix) and not label[len(prefix):len(prefix) + 1].isalpha():
            return _BY_LABEL[prefix]
    return None


def rating_from_value(value: float | None, best: float | None, worst: float | None) -> str | None:
    """Our rating for a numeric ClaimReview rating, mapped onto schema.org's usual 1 (false)
    … 5 (true) scale from the file's own best and worst values (default 5 and 1)."""
    if value is None:
        return None
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if not all(map(math.isfinite, (value, best, worst))) or best == worst:
        return None
    position = (value - worst) / (best - worst)
    if not 0.0 <= position <= 1.0:
        return None
    return str(_FIVE_POINT[1 + round(position * 4)])
