"""Number words and digit strings to floats, shared by the figure parser and the name normaliser."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales after digits ("$1.5bn", "40 mln").
SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}

_SMALL = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"
# One number-word token: "twenty-five", "five", "hundred", "dozen".
WORD_TOKEN = rf"(?:(?:{'|'.join(TENS)})-(?:{'|'.join(k for k in UNITS if 0 < UNITS[k] < 10)})|{_SMALL}|(?:{_SCALE})s?|dozen)"
# A run of number words ("two hundred thousand", "a hundred", "a dozen").  Bare "a"/"an" is
# only allowed in front of a scale word; the parser rejects anything else.
WORD_NUMBER = rf"(?:(?:an?|one)\s+(?:{_SCALE}|dozen)|{WORD_TOKEN})(?:[\s-]+(?:{WORD_TOKEN}))*"
# A digit number with optional thousands separators and decimals: "10,000", "0.6", "10 000".
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u202f\u2009]\d{3})+|\d+)(?:\.\d+)?"

_WORD_RE = re.compile(WORD_NUMBER, re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\u202f\u2009\s]")
_WORD_SPLIT = re.compile(r"[\s-]+")
_DIGITS_WITH_SCALE = re.compile(rf"({DIGIT_NUMBER})\s*(?:({_SCALE})|(bn|mn|mln|tn|[bmk]))?", re.IGNORECASE)


def parse_digits(text: str) -> float:
    """'10,000' -> 10000.0, '0.6' -> 0.6, '10\u202f000' -> 10000.0."""
    return float(_SEPARATORS.sub("", text))


def parse_words(text: str) -> float | None:
    """Value of a run of English number words, or None if it is not a well-formed number.

    "two hundred thousand" -> 200000, "a dozen" -> 12, "twenty-five" -> 25.
    """
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    last_small = None  # guards against "five six" style sequences
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i != 0 or len(words) == 1 or words[1] not in SCALES and words[1] != "dozen":
                return None
            current = 1
            continue
        if w in UNITS or w in TENS:
            v = UNITS.get(w, TENS.get(w))
            if last_small is not None and not (last_small >= 20 and last_small % 10 == 0 and v < 10):
                return None
            current += v
            last_small = v
            seen_number = True
        elif w == "dozen":
            current = (current or 1) * 12
            last_small = None
            seen_number = True
        elif w in SCALES or (i > 0 and w.endswith("s") and w[:-1] in SCALES):
            scale = SCALES[w.rstrip("s")]
            current = current or 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            last_small = None
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


def parse_number(text: str) -> float | None:
    """Digits (with an optional scale word) or number words to a float."""
    t = text.strip()
    m = _DIGITS_WITH_SCALE.fullmatch(t)
    if m:
        value = parse_digits(m.group(1))
        if m.group(2):
            value *= SCALES[m.group(2).lower()]
        elif m.group(3):
            value *= SHORT_SCALES[m.group(3).lower()]
        return value
    if _WORD_RE.fullmatch(t):
        return parse_words(t)
    return None


def format_number(value: float) -> str:
    """10000.0 -> '10000', 0.6 -> '0.6' (for normalised text and cue labels)."""
    if value == int(value):
        return str(int(value))
    return f"{value:g}"
