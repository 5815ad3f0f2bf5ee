"""What pair scoring reads of one claim, worked out once per claim instead of once per pair.

Grouping 100,000 claims scores hundreds of thousands of pairs, and every pair read the same
per-claim things again: the letter trigrams of the text with its figures masked, the names, the
language, the capitalised words, the publication day, the frame keys, the summed word weights.
:func:`parts_of` works them out on first use and keeps them on the signature (like its frames),
so a forked scoring worker inherits those the parent already has.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from matching.frames import Frame, days_between, frame_keys, period_days
from matching.language import language_of
from matching.named_places import named_places
from matching.predicates import lead_side, stance
from matching.signature import DISTINCT_ENTITY_TYPES, ClaimSig
from matching.slot import cumulative

BROAD_PLACES = frozenset(
    {"ukraine", "russia", "belarus", "united_states", "kyiv", "moscow", "saudi_arabia", "minsk"}
)
_NON_WORD = re.compile(r"[\W\d_]+", re.UNICODE)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯІЇЄҐ][\w'-]{2,}", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def _trigrams(text: str) -> frozenset[str]:
    folded = " " + _NON_WORD.sub(" ", text.casefold()).strip() + " "
    return frozenset(folded[k : k + 3] for k in range(len(folded) - 2))


@lru_cache(maxsize=1024)
def trigram_codes(text: str) -> np.ndarray:
    """The letter trigrams of ``_trigrams(text)`` as sorted unique int64 codes (three code
    points of 21 bits each: one code per trigram, and no two trigrams share one), read only.
    Each claim keeps its own codes (~1 KB; a frozenset of strings ~15 KB would be too much
    for 100,000 claims); this cache only serves the next signature of the same sentence
    (one per publication day), so the array is shared and must not be written to."""
    folded = " " + _NON_WORD.sub(" ", text.casefold()).strip() + " "
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    # np.unique, in three array operations (np.unique costs twice as much on ~100 codes).
    codes = np.sort((points[:-2] << 42) | (points[1:-1] << 21) | points[2:])
    if codes.size >= 2:
        first = np.empty(codes.size, dtype=bool)
        first[0] = True
        np.not_equal(codes[1:], codes[:-1], out=first[1:])
        codes = codes[first]
    codes.setflags(write=False)
    return codes


def trigram_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two claims' trigram codes: the float of ``_jaccard`` over ``_trigrams``."""
    if not len(a) or not len(b):
        return 0.0
    # Each side's codes are unique, so a code both hold stands twice, side by side, once
    # sorted (np.intersect1d's way, without its checks: a third of the pair's time here).
    both = np.concatenate((a, b))
    both.sort()
    inter = int(np.count_nonzero(both[1:] == both[:-1]))
    return inter / (len(a) + len(b) - inter)


@lru_cache(maxsize=1 << 14)
def _capitalised(text: str) -> frozenset[str]:
    """Names as written (capitalised words not opening a sentence), folded and cut to their
    first five letters so that "Kursk"/"Kurska"/"Kurskiej" meet across languages."""
    return frozenset(m.group(0).casefold()[:5] for m in _CAPITALISED.finditer(text))


def _masked_text(sig: ClaimSig) -> str:
    text = sig.text
    for q in sig.quantities:
        if q.text:
            text = text.replace(q.text, " ")
    return text


def _names(sig: ClaimSig) -> frozenset[str]:
    return frozenset(n for kind, ns in sig.entities.items() if kind != "subject_agreement"
                     for n in ns if n not in BROAD_PLACES)


def _days(date: str | None) -> str | None:
    return date[:10] if date else None


@dataclass
class ClaimParts:
    """The pair-independent parts of one claim that pair scoring reads."""

    # The text with its figures masked.
    masked: str
    names: frozenset[str]
    language: str
    capitalised: frozenset[str]
    published: tuple[dt.date, dt.date] | None  # the days the publication date covers
    has_frames: bool
    has_non_date_frame: bool
    # Entities of each DISTINCT_ENTITY_TYPES kind (places without the broad ones).
    distinct_entities: tuple[frozenset[str], ...]
    # The letter trigrams of ``masked`` (trigram_codes).
    trigrams: np.ndarray = field(compare=False, repr=False)
    # (frame, its frame keys without "|"), for the frames whose value agreed with another.
    plain_keys: tuple[tuple[Frame, frozenset[str]], ...] = ()
    # Places named after a preposition (matching.named_places), read once per claim.
    places: tuple[tuple[int, int, str], ...] = ()
    # What rules and features read of the words alone, once per claim rather than per pair:
    # the stance (matching.predicates.stance), the side named first (lead_side), and whether
    # the claim states a running total (matching.slot.cumulative).
    stance: str | None = None
    lead_side: str | None = None
    cumulative: bool = False
    # The summed word weights under one weight table: (table, default, sum).
    _weight: tuple[Mapping[str, float], float, float] | None = None

    def token_weight(self, sig: ClaimSig, idf: Mapping[str, float], default: float) -> float:
        """math.fsum of the weights of the claim's words (exact, in any order)."""
        cached = self._weight
        if cached is not None and cached[0] is idf and cached[1] == default:
            return cached[2]
        total = math.fsum(idf.get(t, default) for t in sig.token_set)
        self._weight = (idf, default, total)
        return total

    def keys_of_frame(self, frame: Frame) -> frozenset[str]:
        """The frame keys of one of the claim's frames, without the measure-only ones."""
        for known, keys in self.plain_keys:
            if known is frame:
                return keys
        keys = frozenset(k for k in frame_keys([frame]) if "|" not in k)
        self.plain_keys += ((frame, keys),)  # worked out when a value first agrees
        return keys

    def __getstate__(self) -> dict[str, object]:
        # Pickled with its signature (from a signature worker): no weight table with it, and
        # the trigram codes as their bytes (a numpy array pickles ten times slower).
        return {**self.__dict__, "_weight": None, "trigrams": self.trigrams.tobytes()}

    def __setstate__(self, state: dict[str, object]) -> None:
        codes = state["trigrams"]
        if isinstance(codes, bytes):
            state["trigrams"] = np.frombuffer(bytearray(codes), dtype=np.int64)
        self.__dict__.update(state)


def parts_of(sig: ClaimSig) -> ClaimParts:
    """The claim's parts, worked out on first use and kept on the signature."""
    found = sig.__dict__.get("_parts")
    if found is None:
        frames = sig.frames
        distinct = []
        for kind in DISTINCT_ENTITY_TYPES:
            ents = sig.entities.get(kind, frozenset())
            distinct.append(ents - BROAD_PLACES if kind == "place" else ents)
        masked = _masked_text(sig)
        found = ClaimParts(
            masked=masked,
            names=_names(sig),
            language=language_of(sig.text),
            capitalised=_capitalised(sig.text),
            published=period_days(_days(sig.date)),
            has_frames=bool(frames),
            has_non_date_frame=any(f.measure != "date" for f in frames),
            distinct_entities=tuple(distinct),
            trigrams=trigram_codes(masked),
            places=named_places(sig.text),
            stance=stance(sig.text),
            lead_side=lead_side(sig.text),
            cumulative=cumulative(sig.text),
        )
        object.__setattr__(sig, "_parts", found)
    return found


def claim_frame_keys(sig: ClaimSig) -> list[str]:
    """``frame_keys(sig.frames)``, worked out once per claim."""
    found = sig.__dict__.get("_frame_keys")
    if found is None:
        found = frame_keys(sig.frames)
        object.__setattr__(sig, "_frame_keys", found)
    return list(found)


def days_apart(a: ClaimParts, b: ClaimParts) -> float | None:
    """matching.frames.period_distance_days of the two publication dates."""
    return days_between(a.published, b.published)


def entities_differ(a: ClaimParts, b: ClaimParts) -> bool:
    """Both claims name something of one distinct kind, and nothing in common."""
    return any(ea and eb and not (ea & eb)
               for ea, eb in zip(a.distinct_entities, b.distinct_entities, strict=True))


def share_with_copy(source: ClaimSig, copy: ClaimSig, *, parts: bool = True) -> None:
    """Give ``copy`` the frames, frame keys and (with ``parts``) parts of ``source``, a claim
    it is identical to for matching (matching.prefilter.identical_claims: the same sentence,
    figures, category and date, from which all of them are worked out): worked out once for
    every copy of a sentence, and kept once in memory."""
    if copy is source:
        return
    have = copy.__dict__
    if "_frames" not in have:
        object.__setattr__(copy, "_frames", source.frames)
    if "_frame_keys" not in have:
        claim_frame_keys(source)
        object.__setattr__(copy, "_frame_keys", source.__dict__["_frame_keys"])
    if parts and "_parts" not in have:
        object.__setattr__(copy, "_parts", parts_of(source))
