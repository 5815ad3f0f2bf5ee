"""Who makes a claim: "Putin said", "according to Meduza's sources", "Ushakov deemed"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (
    ATTRIBUTION_VERBS,
    ATTRIBUTION_VERBS_CYR,
    CLAIMANT_STOP,
    GENERIC_CLAIMANTS,
    PRONOUNS,
    SENTENCE_STARTERS,
    words,
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
# Commas inside dates ("March 12, 2025, issue") must not cut a claimant phrase.
_DATE_COMMAS = re.compile(rf"{_MONTH}\s+\d{{1,2}}(,)\s+\d{{4}}(,)?")
_VERBS = "|".join(sorted(set(ATTRIBUTION_VERBS), key=len, reverse=True))
_VERBS_CYR = "|".join(ATTRIBUTION_VERBS_CYR)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b|(?<![\w])(?:{_VERBS_CYR})(?![\w])")
_PARTICIPLE_RE = re.compile(
    r",\s+(?:saying|telling|adding|noting|stressing|claiming|warning|arguing|insisting|stating|explaining)\b"
    r"|\s+saying\s+(?:he|she|they|it)\b"
)
_INVERTED_RE = re.compile(
    rf"[”\"’],?\s+(?:{_VERBS})\s+(?P<x>(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|the|de|von|van|al|bin))*)"
)
_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|за\s+словами|по\s+словам|as\s+reported\s+by|citing|(?:learned|heard|been\s+told)\s+from)\s+"
    r"(?P<x>[^.;:!?“”\"()]+?)(?=\s*(?:,|\.(?:\s|$)|;|:|!|\?|$|\(|“|\s+(?:that|who|which|when|as)\b))",
    re.IGNORECASE,
)
_LEFT_BOUNDARY = re.compile(r"[,;:“”\"()\[\]—–]|\s-\s|\b(?:that|and|but|while|when|because|if|as|after|before|so|whom)\s")
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|then|already|previously|earlier|once|again|now|himself|herself|"
    r"itself|themselves|is|are|was|were|been|being|not|never|just|further|simply|did|does|do|"
    r"would|will|could|later|(?!(?:family|ally|assembly|rally|supply|monopoly|italy|july)\b)[a-z]+ly|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|this)\s+(?:week|month|year)|at\s+the\s+time|in\s+a\s+\w+|"
    rf"on\s+{_MONTH}\s+\d{{1,2}}|in\s+{_MONTH}))+\s*$"
)
_LEADING_NOISE = re.compile(
    rf"^(?:\(?\d{{1,2}}\)\s*|(?:but|and|however|still|meanwhile|moreover|yet|so|then|also|instead|even|here|now|thus|"
    rf"therefore|indeed)\b,?\s*|(?:in|on|at|during|since|by)\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?\d{{4}}\s+)+",
    re.IGNORECASE,
)
_INTRO_WORDS = frozenset(
    words("Later Earlier Speaking When After Before In On At During Since Amid Under Based Despite Following")
)
_MAX_WORDS = 12
# Sentences without any of these words have no claimant; checking them first keeps it fast.
_TRIGGERS = frozenset(
    [v.lower() for v in ATTRIBUTION_VERBS + ATTRIBUTION_VERBS_CYR]
    + words("according citing learned heard словами словам reported saying telling adding noting stressing claiming warning arguing insisting stating explaining")
)
_WORDS = re.compile(r"[^\W\d_]+")
_NAME_RUN_END = re.compile(r"((?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*)\s*$")
_NAME_RUN = re.compile(r"\s*((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|the))*)")
_SEGMENT = re.compile(r"[^,]+")
_TRAILING_ADVERB = re.compile(r"\s+(?:also|then|later|reportedly)$")
_LETTER = re.compile(r"[^\W\d_]")
_PERCENT = re.compile(r"\d\s*%|\bper\s*cent\b|\bpercent\b")


def find_claimant(sentence: str, lower_words: Iterable[str] | None = None) -> str | None:
    """The person or source the sentence attributes its claim to, as written; None for the
    outlet's own voice.  Pronouns ("he added") are returned as the pronoun.

    ``lower_words`` (the sentence's lower-cased word tokens) may be passed to skip tokenising.
    """
    if lower_words is None:
        lower_words = [w.lower() for w in _WORDS.findall(sentence)]
    if _TRIGGERS.isdisjoint(lower_words):
        return None
    work = _DATE_COMMAS.sub(lambda m: m.group(0).replace(",", " "), sentence)

    m = _INVERTED_RE.search(work)
    if m:
        x = _clean(sentence, m.start("x"), m.end("x"))
        if x:
            return x

    for vm in _VERB_RE.finditer(work):
        x = _subject_before(work, sentence, vm.start())
        if x:
            return x

    for am in _ACCORDING_RE.finditer(work):
        x = _clean(sentence, am.start("x"), am.end("x"), max_words=16)
        if x and x.split()[0].lower() not in ("this", "that", "these", "those", "such"):
            return x

    pm = _PARTICIPLE_RE.search(work)
    if pm:
        x = _initial_subject(work, sentence, pm.start())
        if x:
            return x
    return None


def _subject_before(work: str, sentence: str, verb_start: int) -> str | None:
    left = work[:verb_start]
    am = _TRAILING_AUX.search(left)
    if am:
        left = left[: am.start()]
    left = left.rstrip()
    if not left:
        return None
    if left.endswith(","):
        # Appositive: "Vladimir Medinsky, the head of the delegation, said" -> the name.
        segments = left[:-1].split(",")
        for i in range(len(segments) - 1, -1, -1):
            seg = segments[i].strip()
            if not seg:
                continue
            first = seg.split()[0]
            if first[:1].isupper() and first not in SENTENCE_STARTERS and i < len(segments) - 1:
                start = left.find(seg, sum(len(s) + 1 for s in segments[:i]))
                name = _name_run_end(seg)
                if name:
                    start = _last_boundary(work, start + len(seg) - len(name), start)
                    return _clean(sentence, start, start + len(name))
            if first[:1].isupper():
                break
        return None
    start = _last_boundary(work, len(left), 0)
    return _clean(sentence, start, len(left))


def _name_run_end(seg: str) -> str | None:
    """The trailing capitalised run of a segment ("Kirill Stremousov")."""
    m = _NAME_RUN_END.search(seg)
    return m.group(1) if m else None


def _last_boundary(work: str, end: int, floor: int) -> int:
    start = floor
    for b in _LEFT_BOUNDARY.finditer(work, floor, end):
        start = b.end()
    return start


def _initial_subject(work: str, sentence: str, end: int) -> str | None:
    """Leading capitalised noun phrase of the main clause: 'President Putin addressed ...'."""
    for seg in _SEGMENT.finditer(work, 0, end):
        text = seg.group(0).strip()
        if not text:
            continue
        first = text.split()[0]
        if first in _INTRO_WORDS or first in SENTENCE_STARTERS:
            continue  # an introductory phrase ("Later in the day,")
        m = _NAME_RUN.match(work[seg.start() : end])
        if m:
            s = seg.start() + m.start(1)
            return _clean(sentence, s, s + len(m.group(1)))
        break
    return None


def _clean(sentence: str, start: int, end: int, max_words: int = _MAX_WORDS) -> str | None:
    phrase = sentence[start:end]
    lead = _LEADING_NOISE.match(phrase)
    if lead:
        phrase = phrase[lead.end() :]
    phrase = phrase.strip(" \t\u00a0,;:“”\"’'()[]—–-")
    phrase = _TRAILING_ADVERB.sub("", phrase)
    if not phrase or not _LETTER.search(phrase):
        return None
    words = phrase.split()
    if len(words) > max_words:
        return None
    if words[0].lower() in CLAIMANT_STOP:
        return None
    if words[0].lower().strip("’'") in GENERIC_CLAIMANTS and not any(w[:1].isupper() for w in words[1:]):
        return None
    if _PERCENT.search(phrase):
        return None  # "18% of soldiers said ...": a survey share, not a claimant
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0]
    if words[0][:1].islower() and words[0].lower() not in ("the", "a", "an", "one", "two", "three", "several", "multiple", "many", "some", "most", "western", "russian", "ukrainian", "military", "state", "senior", "top", "former", "officials", "sources", "analysts", "experts", "observers", "critics", "residents", "witnesses", "his", "her", "their", "our"):
        return None
    return phrase
