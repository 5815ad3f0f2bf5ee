"""The Porter (1980) suffix stripper for English words, so "protesters" meets "protest"."""

from __future__ import annotations

# Step 2 and 3 rules: suffix -> replacement, applied when the stem before the suffix has m > 0.
_STEP2 = dict((
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
))
_STEP3 = dict((
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
    ("ful", ""), ("ness", ""),
))
_STEP4 = dict.fromkeys((
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
), "")


def _longest_suffix(word: str, rules: dict[str, str]) -> str | None:
    """The longest suffix of ``word`` in ``rules``: Porter applies that one or none (no fallback
    to a shorter suffix when its condition fails)."""
    for size in (7, 6, 5, 4, 3, 2):
        if size < len(word) and word[-size:] in rules:
            return word[-size:]
    return None


_CV = str.maketrans({c: ("v" if c in "aeiou" else "c") for c in "abcdefghijklmnopqrstuvwxyz"})


def _mask(word: str) -> str:
    """'c'/'v' per letter; y is a vowel after a consonant ("happy"), a consonant otherwise."""
    mask = word.translate(_CV)
    if "y" not in word[1:]:
        return mask
    out = list(mask)
    for i in range(1, len(word)):
        if word[i] == "y" and out[i - 1] == "c":
            out[i] = "v"
    return "".join(out)


def _measure(mask: str) -> int:
    """Porter's m: the number of vowel-consonant sequences, read off the c/v mask."""
    return mask.count("vc")


def _double_consonant(word: str, mask: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and mask[-1] == "c"


def _cvc(word: str, mask: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow")."""
    return mask.endswith("cvc") and word[-1] not in "wxy"


_cache: dict[str, str] = {}


def porter(word: str) -> str:
    """Stem one lower-case ASCII word; other words (digits, Cyrillic…) come back unchanged."""
    stem = _cache.get(word)
    if stem is None:
        stem = _porter(word) if len(word) > 2 and word.isascii() and word.isalpha() else word
        if len(_cache) < 200_000:  # bounded, in case a long-running app sees endless junk
            _cache[word] = stem
    return stem


def _porter(word: str) -> str:
    w = word
    # Step 1a: plurals.
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif not w.endswith("ss") and w.endswith("s"):
        w = w[:-1]
    # Step 1b: -eed, -ed, -ing. The mask of a prefix is the prefix of the mask.
    mask = _mask(w)
    stripped = False
    if w.endswith("eed"):
        if _measure(mask[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and "v" in mask[:-2]:
        w, stripped = w[:-2], True
    elif w.endswith("ing") and "v" in mask[:-3]:
        w, stripped = w[:-3], True
    if stripped:
        mask = mask[: len(w)]
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif _double_consonant(w, mask) and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(mask) == 1 and _cvc(w, mask):
            w += "e"
        mask = _mask(w)
    # Step 1c: y -> i after a vowel.
    if w.endswith("y") and "v" in mask[:-1]:
        w = w[:-1] + "i"
        mask = mask[:-1] + "v"
    for rules in (_STEP2, _STEP3):
        suffix = _longest_suffix(w, rules)
        if suffix and _measure(mask[: -len(suffix)]) > 0:
            w = w[: -len(suffix)] + rules[suffix]
            mask = _mask(w)
    suffix = _longest_suffix(w, _STEP4)
    if suffix:
        cut = len(w) - len(suffix)
        if _measure(mask[:cut]) > 1 and (suffix != "ion" or w[:cut].endswith(("s", "t"))):
            w, mask = w[:cut], mask[:cut]
    # Step 5: a final -e, a final double l.
    if w.endswith("e"):
        m = _measure(mask[:-1])
        if m > 1 or (m == 1 and not _cvc(w[:-1], mask[:-1])):
            w, mask = w[:-1], mask[:-1]
    if _measure(mask) > 1 and _double_consonant(w, mask) and w.endswith("l"):
        w = w[:-1]
    return w
