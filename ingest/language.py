"""A fast, deliberately modest guess of an article's language, and normalising declared language tags."""

from __future__ import annotations

import re

_SAMPLE_CHARS = 20_000
# Fewer letters than this and any guess would be noise.
_MIN_LETTERS = 20
# Share of Cyrillic (or Latin) letters needed before the text counts as that script.
_SCRIPT_SHARE = 0.6

_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
# ъ is left out: Russian rarely uses it, Bulgarian uses it constantly.
_RUSSIAN_ONLY = frozenset("ыэёЫЭЁ")
_ENGLISH_WORDS = frozenset({
    "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "are",
    "be", "by", "this", "have", "from", "at", "said",
})
# Share of running words that must be English function words: English prose is around 0.25,
# other Latin-script languages far below 0.05.
_ENGLISH_WORD_SHARE = 0.08

_WORD = re.compile(r"[a-z]+")
_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")
_THREE_LETTER = {"eng": "en", "ukr": "uk", "rus": "ru", "deu": "de", "ger": "de", "fra": "fr",
                 "fre": "fr", "pol": "pl", "bel": "be", "spa": "es", "ita": "it"}
_LANGUAGE_NAMES = {
    "english": "en", "ukrainian": "uk", "russian": "ru", "german": "de", "french": "fr",
    "polish": "pl", "spanish": "es", "italian": "it", "belarusian": "be",
    "англійська": "en", "українська": "uk", "російська": "ru",
    "английский": "en", "украинский": "uk", "русский": "ru",
}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code for ``text`` (``en``, ``uk``, ``ru``) or None when the evidence is thin."""
    sample = text[:_SAMPLE_CHARS]
    cyrillic = latin = letters = 0
    for char in sample:
        if not char.isalpha():
            continue
        letters += 1
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char < "\u0250":
            latin += 1
    if letters < _MIN_LETTERS:
        return None
    if cyrillic >= _SCRIPT_SHARE * letters:
        return _cyrillic_language(sample)
    if latin >= _SCRIPT_SHARE * letters:
        words = _WORD.findall(sample.lower())
        common = sum(1 for word in words if word in _ENGLISH_WORDS)
        return "en" if words and common >= _ENGLISH_WORD_SHARE * len(words) else None
    return None


def normalize_language(value: str) -> str | None:
    """Two-letter code from a declared language (``en-US``, ``ukr``, ``Russian``), else None."""
    value = value.strip().lower()
    if value in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value]
    match = _TAG.fullmatch(value)
    if match is None:
        return None
    primary = match.group(1)
    if len(primary) == 2:
        return primary
    return _THREE_LETTER.get(primary)


def _cyrillic_language(sample: str) -> str | None:
    ukrainian = sum(1 for char in sample if char in _UKRAINIAN_ONLY)
    russian = sum(1 for char in sample if char in _RUSSIAN_ONLY)
    # A Ukrainian article quoting a Russian phrase (or the reverse) still has its own letters
    # several times more often; anything closer than that is left undecided.
    if ukrainian > 3 * russian:
        return "uk"
    if russian > 3 * ukrainian:
        return "ru"
    return None
