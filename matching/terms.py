"""Turning claim and tweet text into the terms the ranker indexes: words, stems, character n-grams."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from matching.stem import porter

# Links carry no words a claim shares; pic.twitter.com is often glued to the word before it.
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*|\bt\.co/\S*", re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
# A copied tweet ends "— Author Name (@handle) Month D, YYYY" (sometimes cut short): the name
# can be what the claim is about, the handle is noise, the date is metadata kept apart.
_TWEET_TRAILER = re.compile(
    r"(?:\s*[—–]|\s-)\s*(?P<name>(?:(?!\(@)[^—–\n]){0,80}?)\s*\(@\w{1,30}\)\s*"
    rf"(?:(?P<month>{_MONTHS})\s+\d{{1,2}},?\s*(?P<year>\d+)?)?\s*$"
)
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
# "1,000" and "1.000" are one number; "2.5" stays two tokens, which is harmless.
_THOUSANDS = re.compile(r"(\d)[,.](?=\d{3}\b)")
_PER_CENT = re.compile(r"%|\bper\s+cent\b")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters and digits are separate words: "10x", "covid19", "f150" still hold the number.
_WORD = re.compile(r"[^\W\d]+|\d+")

NUMBER_WORDS: dict[str, str] = {
    w: str(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
}
NUMBER_WORDS.update({w: str(10 * i) for i, w in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), start=3)})

STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could did do does doing don down during each few for from
further had has have having he her here hers herself him himself his how i if in into is isn it
its itself just let me more most my myself no nor not of off on once only or other ought our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves s t re ve ll d m
""".split())

# Glued words are only split when long enough to be a hashtag rather than a rare word.
_MIN_GLUED = 8
_GRAM = 4
# The per-word caches below stop growing here, in case a long-running app sees endless junk.
_CACHE_LIMIT = 200_000


@dataclass
class Analysis:
    """One text, analysed.

    ``stems`` are the word-index terms; ``words`` the same words unstemmed (for character
    n-grams); ``raw`` every word before stop words were dropped (the segmenter's vocabulary);
    ``date`` the month and year of a tweet's trailer, as stems.
    """

    stems: list[str]
    words: list[str]
    raw: list[str]
    date: list[str] = field(default_factory=list)


def _split_tag(match: re.Match[str]) -> str:
    body = match.group(1)
    # CamelCase is an ASCII convention; other scripts keep the tag whole.
    parts = _CAMEL.findall(body) if body.isascii() else [body]
    return " " + " ".join(parts) + " "


def _fold(text: str) -> str:
    """Drop accents ("Niinistö" = "Niinisto"). Claims and queries are folded alike, so a word
    still meets itself (Cyrillic "й" becomes "и" on both sides)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _year(digits: str | None) -> str | None:
    if digits and len(digits) == 4:
        return digits
    if digits and len(digits) == 2:
        return "20" + digits
    return None  # cut short ("201"): no year rather than a wrong one


def normalise(text: str) -> tuple[str, list[str]]:
    """Lower-cased text without links or tweet handle/date, and the tweet's date terms."""
    # The substring tests skip regexes that cannot match: most claims need none of them.
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    date: list[str] = []
    trailer = _TWEET_TRAILER.search(text) if "(@" in text else None
    if trailer:
        year = _year(trailer.group("year"))
        if trailer.group("month") and year:
            date = [porter(trailer.group("month").lower()), year]
        text = text[: trailer.start()] + " " + trailer.group("name")
    if "#" in text or "@" in text:
        text = _TAG.sub(_split_tag, text)
    text = _fold(text).lower()
    if "," in text or "." in text:
        text = _THOUSANDS.sub(r"\1", text)
    if "%" in text or "cent" in text:
        text = _PER_CENT.sub(" percent ", text)
    return text, date


# raw word -> (word, stem), or () for a stop word; the same few thousand words recur.
_TERMS: dict[str, tuple[str, ...]] = {}


def _term(raw: str) -> tuple[str, ...]:
    word = NUMBER_WORDS.get(raw, raw)
    term = () if word in STOP_WORDS else (word, porter(word))
    if len(_TERMS) < _CACHE_LIMIT:
        _TERMS[raw] = term
    return term


def analyse(text: str, segmenter: Segmenter | None = None) -> Analysis:
    """Analyse a claim or a query; with a segmenter, long unknown words ("capetownstorm")
    also contribute the words they are made of."""
    normal, date = normalise(text)
    raw = _WORD.findall(normal)
    if segmenter is not None:
        raw = segmenter.expand(raw)
    words: list[str] = []
    stems: list[str] = []
    terms = _TERMS
    for w in raw:
        term = terms.get(w)
        if term is None:
            term = _term(w)
        if term:
            words.append(term[0])
            stems.append(term[1])
    return Analysis(stems=stems, words=words, raw=raw, date=date)


_GRAMS: dict[str, tuple[str, ...]] = {}


def word_grams(word: str) -> tuple[str, ...]:
    """Character 4-grams of one word, padded with spaces so its start and end count."""
    grams = _GRAMS.get(word)
    if grams is None:
        padded = f" {word} "
        grams = ((padded,) if len(padded) <= _GRAM
                 else tuple(padded[i: i + _GRAM] for i in range(len(padded) - _GRAM + 1)))
        if len(_GRAMS) < _CACHE_LIMIT:
            _GRAMS[word] = grams
    return grams


def char_grams(words: Iterable[str]) -> list[str]:
    """Character 4-grams of each word in turn (a word's 4-grams never cross into the next)."""
    return [g for w in words for g in word_grams(w)]


class Segmenter:
    """Splits glued words ("stonemanshooting") into known words, by the most probable split.

    The vocabulary is the indexed claims' own words, so it follows the collection (names from
    the news in it) rather than a general dictionary.
    """

    def __init__(self, counts: Mapping[str, int], min_len: int = 3, min_count: int = 2) -> None:
        known = {w: n for w, n in counts.items()
                 if len(w) >= min_len and n >= min_count and w.isalpha()}
        total = sum(known.values()) or 1
        self._vocabulary = counts
        self._cost = {w: -math.log(n / total) for w, n in known.items()}
        self._min_len = min_len
        self._max_len = max(map(len, known), default=0)

    def split(self, word: str) -> list[str]:
        """The known words that make up ``word``; empty when it is not made of them."""
        n = len(word)
        best = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        for end in range(self._min_len, n + 1):
            for start in range(max(0, end - self._max_len), end - self._min_len + 1):
                cost = self._cost.get(word[start:end])
                if cost is not None and best[start] + cost < best[end]:
                    best[end], back[end] = best[start] + cost, start
        if best[n] == math.inf:
            return []
        parts = []
        end = n
        while end > 0:
            parts.append(word[back[end]:end])
            end = back[end]
        return parts[::-1] if len(parts) > 1 else []

    def expand(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for w in words:
            out.append(w)
            if len(w) >= _MIN_GLUED and w not in self._vocabulary:
                out.extend(self.split(w))
        return out
