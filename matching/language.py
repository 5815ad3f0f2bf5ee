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
    cyr = len(_CYRILLIC.findall(low))
    lat = len(_LATIN.findall(low))
    if cyr > lat:
        if any(ch in low for ch in "іїєґ"):
            return "uk"
        if any(ch in low for ch in "ыэъё"):
            return "ru"
        return "ru" if re.search(r"\b(?:и|что|как|это)\b", low) else "other"
    words = _WORD.findall(low)
    if words and sum(w in _EN_WORDS for w in words) / len(words) >= 0.08:
        return "en"
    return "other"
