"""Scoring a pair of claims: the same claim, a conflicting figure for the same claim, or neither.

The rules, in order (thresholds in :class:`Thresholds`, tuned on tests/matching/pairs_domain):
1. Named agreements or specific places that differ (Minsk I vs Minsk II, Bakhmut vs Avdiivka)
   make different claims, whatever the wording.
2. Another time frame next to the figures ("in 2023" vs "in 2024") makes another claim.
3. Figures of the same quantity that do not agree, in text that is otherwise close, make a
   conflict: the same claim with another figure.
4. Otherwise the text similarity decides, with a lower bar when a figure agrees (two outlets
   giving "110 square miles" and "285 km²" in similar words are very likely the same claim).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz

from matching.concepts import default_concepts
from matching.figures import compare, time_frames_differ
from matching.roles import FRAME, default_roles
from matching.signature import DISTINCT_ENTITY_TYPES, ClaimSig

# Places so general that naming one or another says nothing about which claim it is
# ("Russia took 0.6% of Ukraine" / "Moscow's forces gained 0.6% of Ukrainian land").
BROAD_PLACES = frozenset(
    {"ukraine", "russia", "belarus", "united_states", "kyiv", "moscow", "saudi_arabia", "minsk"}
)


# "other_numeric" only says the sentence has a figure: it can go with any topic.
SPECIFIC_CATEGORIES = frozenset({"territory", "casualties", "minsk", "negotiations", "poll"})


class Relation(StrEnum):
    SAME = "same"
    CONFLICT = "conflict"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Thresholds:
    same_text: float = 0.40  # no comparable figures on either side
    same_with_figure: float = 0.29  # a precise figure agrees, none conflicts
    same_with_date: float = 0.30  # claims about a date ("Minsk II was signed on ...") agree on it
    same_with_weak_figure: float = 0.46  # only an open bound ("less than 1%") or a date agrees
    same_mixed: float = 0.75  # figures on one side only, or of different kinds
    conflict_text: float = 0.45  # a figure conflicts and the words are at least this close
    # The text similarity: these weights of IDF Jaccard and IDF overlap, the rest the edit
    # similarity of the sorted words (names not starting with "same_": Preferences moves those).
    jaccard_weight: float = 0.5
    overlap_weight: float = 0.0


    @property
    def floor(self) -> float:
        """Below this similarity no rule can say "same" or "conflict"."""
        return min(self.same_text, self.same_with_figure, self.same_with_date,
                   self.same_with_weak_figure, self.same_mixed, self.conflict_text)


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class PairResult:
    relation: Relation
    score: float  # 0..1, how confident "same" is (for conflicts: how close the words are)
    explanation: dict[str, Any]


def _weighted_overlaps(
    a: ClaimSig, b: ClaimSig, idf: Mapping[str, float], default: float
) -> tuple[float, float]:
    """IDF-weighted Jaccard, and IDF-weighted overlap (shared weight over the lighter claim's:
    a claim restated inside a longer sentence with more context still overlaps fully)."""
    sa, sb = a.token_set, b.token_set
    if not sa or not sb:
        return 0.0, 0.0
    # fsum: exact whatever order the sets iterate in (that order follows Python's per-run
    # string hashing), so the same claims always get the same score, to the last bit.
    shared = math.fsum(idf.get(t, default) for t in sa & sb)
    wa = math.fsum(idf.get(t, default) for t in sa)
    wb = math.fsum(idf.get(t, default) for t in sb)
    union = wa + wb - shared
    return (shared / union if union else 0.0), (shared / min(wa, wb) if min(wa, wb) else 0.0)


def text_similarity(
    a: ClaimSig,
    b: ClaimSig,
    idf: Mapping[str, float] | None = None,
    default_idf: float = 1.0,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> float:
    """IDF-weighted word overlap (Jaccard and overlap coefficient) blended with a
    word-order-free edit similarity (0..1); the weights are part of the thresholds."""
    wj, ov = _weighted_overlaps(a, b, idf or {}, default_idf)
    sr = fuzz.ratio(a.sorted_text, b.sorted_text) / 100.0
    return blend(wj, ov, sr, thresholds)


def blend(jaccard: Any, overlap: Any, ratio: Any, thresholds: Thresholds) -> Any:
    """The text similarity from its parts (floats, or numpy arrays in grouping)."""
    rest = 1.0 - thresholds.jaccard_weight - thresholds.overlap_weight
    return (thresholds.jaccard_weight * jaccard + thresholds.overlap_weight * overlap
            + rest * ratio)


def predicate_mismatch(a: ClaimSig, b: ClaimSig) -> list[str]:
    """Contrasting concepts asserted by the two claims (see resources/concepts.tsv)."""
    out = []
    for group in default_concepts().contrasts:
        ca, cb = a.token_set & group, b.token_set & group
        if ca and cb and not (ca & cb):
            out.append(f"{', '.join(sorted(ca))} vs {', '.join(sorted(cb))}")
    return out


def entity_mismatch(a: ClaimSig, b: ClaimSig) -> list[str]:
    """Entity types on which both claims name something and share nothing."""
    out = []
    for kind in DISTINCT_ENTITY_TYPES:
        ea = a.entities.get(kind, frozenset())
        eb = b.entities.get(kind, frozenset())
        if kind == "place":
            ea, eb = ea - BROAD_PLACES, eb - BROAD_PLACES
        if ea and eb and not (ea & eb):
            out.append(f"{kind}: {', '.join(sorted(ea))} vs {', '.join(sorted(eb))}")
    return out


def _date_range(date: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a stated date covers ("2023" -> 2023-01-01..2023-12-31)."""
    parts = date.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(year, month, 1), last
        day = dt.date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def dated_apart_from_publication(a: ClaimSig, b: ClaimSig) -> bool:
    """One claim dates its figures in its words, the other states figures undated (so as of
    its publication), and the stated time ends over a year before that publication, or starts
    after it: "Russia took 0.6% in 2023" is not "Russia took 0.6% over the past year" (2025)."""
    for x, y in ((a, b), (b, a)):
        if not y.date or any(q.cls == "date" for q in y.quantities):
            continue
        if not any(q.cls not in ("date", "duration") for q in y.quantities):
            continue
        published = _date_range(y.date[:10])
        frames = [_date_range(q.date) for q in x.quantities
                  if q.cls == "date" and q.date and FRAME in q.role]
        frames = [f for f in frames if f is not None]
        if frames and published is not None:
            start = min(f[0] for f in frames)
            end = max(f[1] for f in frames)
            if (published[0] - end).days > 366 or (start - published[0]).days > 31:
                return True
    return False


def score_pair(
    a: ClaimSig,
    b: ClaimSig,
    *,
    idf: Mapping[str, float] | None = None,
    default_idf: float = 1.0,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> PairResult:
    text = text_similarity(a, b, idf, default_idf, thresholds)
    if text < thresholds.floor:
        # Below every bar: nothing the figures say can make this pair the same claim or a
        # conflict, so skip comparing them (most candidate pairs end here).
        return PairResult(Relation.DIFFERENT, 0.0, {"similarity": round(text, 3)})
    mismatch = entity_mismatch(a, b)
    if mismatch:
        return PairResult(Relation.DIFFERENT, text * 0.5,
                          {"similarity": round(text, 3), "entities_differ": mismatch})
    contrast = predicate_mismatch(a, b)
    if contrast:
        return PairResult(Relation.DIFFERENT, text * 0.5,
                          {"similarity": round(text, 3), "assertions_differ": contrast})
    figures = compare(a.quantities, b.quantities,
                      roles=default_roles().may_differ(a, b))
    explanation: dict[str, Any] = {"similarity": round(text, 3), **figures.explain()}
    if figures.other_quantities and not figures.conflicts and not any(
        x.cls != "date" for x, _ in figures.agreements
    ):
        # Both claims give a figure of the same kind, but of different things ("58% wanted
        # peace talks" / "50% backed the ceasefire"): two claims, neither same nor conflict.
        return PairResult(Relation.DIFFERENT, text * 0.5, explanation)
    if time_frames_differ(a.quantities, b.quantities) or dated_apart_from_publication(a, b):
        # "43,000 in December 2024" and "31,000 in February 2024" are two claims, not one
        # claim with two figures.
        explanation["time_frames_differ"] = True
        return PairResult(Relation.DIFFERENT, text * 0.5, explanation)
    if figures.has_conflict:
        relation = Relation.CONFLICT if text >= thresholds.conflict_text else Relation.DIFFERENT
        return PairResult(relation, text, explanation)
    # Claims "about a date" carry no quantity other than dates and durations (the "sixteen
    # hours of talks" before Minsk II was signed is wording, the date is the claim).
    about_dates = all(q.cls in ("date", "duration") for q in (*a.quantities, *b.quantities))
    # A shared date alone is weak evidence (many claims are dated "March 12"), unless the
    # claims are about dates (when was Minsk II signed?).
    # Dates and durations ("a 30-day ceasefire") are part of many claims' wording; only a
    # precise quantity agreeing is strong evidence.
    # A duration agreeing counts when it is a quantity ("a 30-day ceasefire"), not the period
    # the claim covers ("over the past year").
    precise = [(x, y) for x, y in figures.agreements
               if x.cls != "date" and not (x.cls == "duration" and (x.time_frame or y.time_frame))
               and not x.open_ended and not y.open_ended]
    # A date agrees to the day (or to the month, both stating only the month): "in March 2022"
    # is weak evidence for "on 29 March 2022".
    date_agrees = any(x.cls == "date" and x.date == y.date for x, y in figures.agreements)
    paired = {id(q) for pair in figures.agreements for q in pair}
    # Each claim has a precise figure that agrees with nothing in the other: they state
    # different quantities ("0.6% in a year" / "285 km² in a month", both "in 2025").
    unmatched = all(any(q.cls not in ("date", "duration") and id(q) not in paired
                        for q in side.quantities) for side in (a, b))
    if precise:
        bar = thresholds.same_with_figure
    elif date_agrees and about_dates:
        # Many events share a day (two offers at one round of talks): a date is weaker
        # evidence than a precise figure, even for a claim about the date.
        bar = thresholds.same_with_date
    elif figures.agreements and not unmatched:
        bar = thresholds.same_with_weak_figure
    elif not any(q.cls not in ("date", "duration") for q in (*a.quantities, *b.quantities)):
        # Dates and durations on one side only are wording ("on Thursday", "a 30-day truce"),
        # not a figure the other claim leaves out: judge the words.
        bar = thresholds.same_text
    else:
        bar = thresholds.same_mixed
    if a.category in SPECIFIC_CATEGORIES and b.category in SPECIFIC_CATEGORIES and (
        a.category != b.category
    ):
        # A poll about a truce is not a statement about the truce talks.
        bar = max(bar, thresholds.same_mixed)
        explanation["categories_differ"] = [a.category, b.category]
    # Confidence rises with the margin over the bar; 0.5 is exactly at the bar.
    confidence = 1 / (1 + math.exp(-12 * (text - bar)))
    relation = Relation.SAME if text >= bar else Relation.DIFFERENT
    explanation["bar"] = bar
    return PairResult(relation, round(confidence, 4), explanation)
