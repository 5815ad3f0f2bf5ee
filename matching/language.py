"""Which language a sentence is in, as far as matching needs to know: English, Ukrainian,
Russian (the languages the vocabulary, stems and concept table cover), or other."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_EN_WORDS = frozenset(("the", "of", "and", "in", "to", "has", "have", "was", "were", "is",
                       "are", "that", "said", "from", "with", "for", "by", "on"))


@lru_cache(maxsize=1 << 14)
def language_of(text: str) -> str:
    """'en', 'uk', 'ru', or 'other': enough to know whether the words can be compared (the
    vocabulary, stems and concept table cover English, Ukrainian and Russian)."""
    low = text.casefold()
    # (No Cyrillic letter: never more of them than Latin ones, whatever the count of those.)
    if _CYRILLIC.search(low) is not None and len(_CYRILLIC.findall(low)) > len(
            _LATIN.findall(low)):
        if any(ch in low for ch in "іїєґ"):
            return "uk"
        if any(ch in low for ch in "ыэъё"):
            return "ru"
        return "ru" if re.search(r"\b(?:и|что|как|это)\b", low) else "other"
    words = _WORD.findall(low)
    if words and sum(map(_EN_WORDS.__contains__, words)) / len(words) >= 0.08:
        return "en"
    return "other"
