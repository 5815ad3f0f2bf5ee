"""The learned same-claim / same-slot decision: logistic regression over pair features.

Two models share one feature vector (:data:`FEATURES`):
- ``same``: are the two sentences the same claim? (fitted on same-cluster pairs)
- ``slot``: do they state a figure for the same thing, whatever the value? (fitted on
  same-cluster pairs and listed conflict pairs, without the features that look at the values)

A pair is the same claim when ``same`` reaches its cut-off and no precise values of one measure
contradict each other; a conflict when ``slot`` reaches its cut-off and they do. The weights
live in ``resources/pair_weights.json`` (numbers only), refitted by ``python -m
matching.fit_pair_model`` (deterministic: Newton's method from zeros, fixed fold order).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from matching.claim_parts import (  # noqa: F401  (the helpers the reference features import)
    BROAD_PLACES,
    ClaimParts,
    _capitalised,
    _days,
    _masked_text,
    _names,
    _trigrams,
    claim_frame_keys,
    days_apart,
    entities_differ,
    parts_of,
    trigram_jaccard,
)
from matching.figures import compare, time_frames_differ
from matching.frames import (
    Frame,
    FrameComparison,
    compare_frames,
    frame_keys,
    period_distance_days,
)
from matching.pairs import (
    Relation,
    dated_apart_from_publication,
    predicate_mismatch,
)
from matching.predicates import both_differ, stances_of_texts_differ
from matching.rules_relation import rules_relation
from matching.signature import DISTINCT_ENTITY_TYPES, ClaimSig
from matching.slot import (
    beside_agreement,
    clash_closeness,
    event_contradictions,
    every_figure_clashes,
)
from resources import resource_path

WEIGHTS = resource_path("pair_weights.json")  # also inside the bundle

FEATURES = (
    "bias",
    "idf_jaccard",
    "idf_overlap",
    "sorted_ratio",
    "char_trigrams",
    "shared_names",
    "names_differ",
    "assertions_differ",
    "precise_value_agrees",
    "value_agrees",
    "value_conflicts",
    "measure_same",
    "measure_clash",
    "figures_one_side",
    "no_figures",
    "periods_differ",
    "publication_days_log",
    "publication_unknown",
    "categories_differ",
    "other_quantities",
    "text_not_comparable",
    "value_distance",
    "same_outlet",
    "shared_capitalised",
    "value_agrees_x_overlap",
    "value_agrees_x_trigrams",
    "precise_agrees_x_overlap",
    "no_figures_x_overlap",
    "measure_same_x_overlap",
    "published_within_3_days",
    "rules_same",
    "rules_conflict",
    "agreeing_value_rarity",
    "agreeing_value_digits",
    "specific_measure_agrees",
    "specific_measure_same",
    "actors_differ",
    "stances_opposite",
    "stances_differ",
    "lead_sides_differ",
    "clash_closeness",
    "beside_agreement",
    "every_figure_clashes",
)
# Features that look at the values: the slot model leaves them out.
VALUE_FEATURES = frozenset({"precise_value_agrees", "value_agrees", "value_conflicts",
                            "value_distance", "value_agrees_x_overlap",
                            "value_agrees_x_trigrams", "precise_agrees_x_overlap",
                            "agreeing_value_digits", "specific_measure_agrees",
                            # not values, but the slot model does better without them (fewer
                            # conflicts found on the generated sets with them)
                            "specific_measure_same", "actors_differ"})
# Features only the slot model reads: how near clashing values are says whether two claims
# state one figure differently, not whether they are one claim.
SLOT_ONLY_FEATURES = frozenset({"clash_closeness", "beside_agreement", "every_figure_clashes"})
SPECIFIC_CATEGORIES = frozenset({"territory", "casualties", "minsk", "negotiations", "poll"})
COMPARABLE_LANGUAGES = frozenset({"en", "uk", "ru"})


def frames_of(sig: ClaimSig) -> tuple[Frame, ...]:
    return sig.frames


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _weighted(a: ClaimSig, b: ClaimSig, idf: Mapping[str, float], default: float) -> tuple[float, float]:
    sa, sb = a.token_set, b.token_set
    if not sa or not sb:
        return 0.0, 0.0
    shared = math.fsum(idf.get(t, default) for t in sa & sb)
    wa = math.fsum(idf.get(t, default) for t in sa)
    wb = math.fsum(idf.get(t, default) for t in sb)
    union = wa + wb - shared
    return (shared / union if union else 0.0), (shared / min(wa, wb) if min(wa, wb) else 0.0)


def _entities_differ(a: ClaimSig, b: ClaimSig) -> bool:
    for kind in DISTINCT_ENTITY_TYPES:
        ea = a.entities.get(kind, frozenset())
        eb = b.entities.get(kind, frozenset())
        if kind == "place":
            ea, eb = ea - BROAD_PLACES, eb - BROAD_PLACES
        if ea and eb and not (ea & eb):
            return True
    return False


@dataclass(frozen=True)
class PairFeatures:
    values: np.ndarray
    frames: Any  # FrameComparison
    contradictions: tuple[tuple[Frame, Frame], ...]
    comparable_text: bool


_NO_FRAMES = FrameComparison((), (), (), False)  # compare_frames when either side has none


def frames_compared(a: ClaimSig, b: ClaimSig) -> FrameComparison:
    """How the frames of two claims relate (none paired when either has none)."""
    fa, fb = a.frames, b.frames
    return compare_frames(fa, fb) if fa and fb else _NO_FRAMES


def pair_features(
    a: ClaimSig, b: ClaimSig, idf: Mapping[str, float], default_idf: float = 1.0,
    frames: FrameComparison | None = None,
) -> PairFeatures:
    """The features of a pair. What does not depend on the pair is read from each claim's
    parts (matching.claim_parts), and what the rules feature needs is shared with the others
    (matching.rules_relation): the values are those of computing everything from scratch
    (tests/matching/pair_features_reference.py, to 1e-9). ``frames``: compare_frames of the
    pair's frames when the caller has it already (:func:`frames_compared`)."""
    pa, pb = parts_of(a), parts_of(b)
    sa, sb = a.token_set, b.token_set
    if sa and sb:
        shared = math.fsum(idf.get(t, default_idf) for t in sa & sb)
        wa = pa.token_weight(a, idf, default_idf)
        wb = pb.token_weight(b, idf, default_idf)
        union = wa + wb - shared
        lighter = min(wa, wb)
        jac, over = (shared / union if union else 0.0), (shared / lighter if lighter else 0.0)
    else:
        jac = over = 0.0
    ratio = fuzz.ratio(a.sorted_text, b.sorted_text) / 100.0
    tri = trigram_jaccard(pa.trigrams, pb.trigrams)
    fa, fb = a.frames, b.frames
    fc = frames_compared(a, b) if frames is None else frames
    contradictions = (event_contradictions(a.text, b.text, _frame_conflicts(fc))
                      if fa and fb else ())
    qa, qb = a.quantities, b.quantities
    figures = compare(qa, qb)
    pub = days_apart(pa, pb)
    comparable = pa.language == pb.language and pa.language in COMPARABLE_LANGUAGES
    differ = entities_differ(pa, pb)
    contrast = bool(predicate_mismatch(a, b))
    periods = bool(qa and qb and time_frames_differ(qa, qb)) or dated_apart_from_publication(a, b)
    rules = rules_relation(a, b, jaccard=jac, overlap=over, ratio=ratio, entities_differ=differ,
                           assertions_differ=contrast, figures=figures, periods_differ=periods)
    same_measure, agree = fc.same_measure, fc.agree
    distances = [_rel_distance(x, y) for x, y in same_measure if x.measure != "date"]
    agrees = float(bool(agree))
    precise = float(fc.precise_agree)
    none = float(not fa and not fb)
    measure_same = float(bool(same_measure))
    v = np.array([
        1.0,
        jac,
        over,
        ratio,
        tri,
        min(len(pa.names & pb.names), 3) / 3.0,
        float(differ),
        float(contrast),
        precise,
        agrees,
        float(bool(fc.conflict)),
        measure_same,
        float(fc.measure_clash and not same_measure),
        float(pa.has_non_date_frame != pb.has_non_date_frame),
        none,
        float(periods),
        0.0 if pub is None else math.log1p(pub) / 5.0,
        float(pub is None),
        float(a.category in SPECIFIC_CATEGORIES and b.category in SPECIFIC_CATEGORIES
              and a.category != b.category),
        float(bool(figures.other_quantities) and not figures.agreements),
        float(not comparable),
        min(distances) if distances else 0.0,
        float(bool(a.outlet) and a.outlet == b.outlet),
        _jaccard(pa.capitalised, pb.capitalised),
        agrees * over,
        agrees * tri,
        precise * over,
        none * over,
        measure_same * over,
        float(pub is not None and pub <= 3),
        float(rules is Relation.SAME),
        float(rules is Relation.CONFLICT),
        _agreeing_rarity_of(agree, pa, pb, idf, default_idf) if agree else 0.0,
        _agreeing_digits(agree) if agree else 0.0,
        float(any(x.measure == y.measure and x.measure not in _COARSE_MEASURES
                  for x, y in agree)),
        float(any(x.measure == y.measure and x.measure not in _COARSE_MEASURES
                  for x, y in same_measure)),
        float(any(x.actor and y.actor and x.actor != y.actor for x, y in same_measure)),
        float(both_differ(pa.stance, pb.stance)),
        float(stances_of_texts_differ(a.text, b.text, pa.stance, pb.stance)),
        float(both_differ(pa.lead_side, pb.lead_side)),
        clash_closeness(contradictions),
        float(beside_agreement(fc.agree, contradictions)),
        float(every_figure_clashes(fc.agree, contradictions)),
    ])
    return PairFeatures(v, fc, contradictions, comparable)


def _frame_conflicts(fc: FrameComparison) -> tuple[tuple[Frame, Frame], ...]:
    """matching.frames.frame_conflicts, from the comparison already made."""
    out = []
    for x, y in fc.conflict:
        if x.measure == "date":
            if len(x.period or "") == 10 and len(y.period or "") == 10:
                out.append((x, y))
            continue
        if x.period_stated and y.period_stated and (period_distance_days(x, y) or 0.0) > 0:
            continue
        out.append((x, y))
    return tuple(out)


def _agreeing_rarity_of(agree: Sequence[tuple[Frame, Frame]], pa: ClaimParts, pb: ClaimParts,
                        idf: Mapping[str, float], default: float) -> float:
    """_agreeing_rarity, with each frame's keys read from its claim's parts."""
    best = 0.0
    for x, y in agree:
        for key in pa.keys_of_frame(x) & pb.keys_of_frame(y):
            best = max(best, idf.get(FRAME_KEY + key, default))
    return min(best / max(default, 1e-9), 1.0)


FRAME_KEY = "@"  # frame keys sit in the word-weight table under this prefix (frame_idf)


def frame_idf(sigs: Sequence[ClaimSig]) -> dict[str, float]:
    """Weights of frame keys (measure + value bucket, or a day) over a corpus, like word IDF:
    agreeing on "41 settlements" says more than agreeing on "1,000" or "2022"."""
    df: dict[str, int] = {}
    for s in sigs:
        for key in claim_frame_keys(s):
            df[key] = df.get(key, 0) + 1
    n = len(sigs)
    return {FRAME_KEY + k: math.log(1 + (n - c + 0.5) / (c + 0.5)) for k, c in df.items()}


def _agreeing_rarity(agree: Sequence[tuple[Frame, Frame]], idf: Mapping[str, float],
                     default: float) -> float:
    """The rarest frame key two agreeing values share, as a share of the rarest possible."""
    best = 0.0
    for x, y in agree:
        shared = {k for k in set(frame_keys([x])) & set(frame_keys([y])) if "|" not in k}
        for key in shared:
            best = max(best, idf.get(FRAME_KEY + key, default))
    return min(best / max(default, 1e-9), 1.0)


_COARSE_MEASURES = frozenset({"count", "share"})
_SIGNIFICANT = re.compile(r"\d[\d.,\s]*\d|\d")


@lru_cache(maxsize=1 << 14)
def significant_digits(text: str) -> int:
    """Significant digits of a figure as written: "1,294" 4, "6,000" 1, "43.9%" 3, "41" 2;
    a figure in words counts as one ("five million")."""
    found = _SIGNIFICANT.search(text)
    if found is None:
        return 1
    digits = re.sub(r"\D", "", found.group(0)).lstrip("0").rstrip("0")
    return max(1, len(digits))


def _agreeing_digits(agree: Sequence[tuple[Frame, Frame]]) -> float:
    """How specific the most specific agreeing value is (of two precise values, the less
    specific side): "1,294" meeting "1,294" says more than "600" meeting "about 600"."""
    best = 0
    for x, y in agree:
        if x.precise and y.precise and x.measure != "date":
            best = max(best, min(significant_digits(x.text), significant_digits(y.text)))
    return min(best, 4) / 4.0


def _rel_distance(x: Frame, y: Frame) -> float:
    if x.overlaps(y):
        return 0.0
    mx = x.low if math.isinf(x.high) else (x.low + x.high) / 2
    my = y.low if math.isinf(y.high) else (y.low + y.high) / 2
    return min(abs(mx - my) / max(abs(mx), abs(my), 1e-9), 1.0)


@dataclass(frozen=True)
class PairModel:
    """Weights of both models and their cut-offs (probabilities)."""

    same_weights: tuple[float, ...]
    slot_weights: tuple[float, ...]
    same_cutoff: float
    slot_cutoff: float
    features: tuple[str, ...] = FEATURES
    meta: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_same", np.asarray(self.same_weights))
        object.__setattr__(self, "_slot", np.asarray(self.slot_weights))

    def p_same(self, x: np.ndarray) -> float:
        return _sigmoid(float(x @ self._same))  # type: ignore[attr-defined]

    def p_slot(self, x: np.ndarray) -> float:
        return _sigmoid(float(x @ self._slot))  # type: ignore[attr-defined]

    def contributions(self, x: np.ndarray, which: str = "same") -> list[tuple[str, float]]:
        """The features that pushed the decision most, largest first (bias left out)."""
        w = self._same if which == "same" else self._slot  # type: ignore[attr-defined]
        products = (w * x).tolist()  # elementwise: the same floats as w[k] * x[k]
        names = self.features
        parts = [(names[k], products[k]) for k in np.flatnonzero((x != 0.0) & (w != 0.0)).tolist()
                 if names[k] != "bias"]
        return sorted(parts, key=lambda p: (-abs(p[1]), p[0]))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features),
                "same": {"weights": [round(w, 8) for w in self.same_weights],
                         "cutoff": round(self.same_cutoff, 6)},
                "slot": {"weights": [round(w, 8) for w in self.slot_weights],
                         "cutoff": round(self.slot_cutoff, 6)},
                "meta": dict(self.meta or {})}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PairModel:
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError("the pair weights were fitted on other features; refit them "
                             "with python -m matching.fit_pair_model")
        return cls(tuple(data["same"]["weights"]), tuple(data["slot"]["weights"]),
                   float(data["same"]["cutoff"]), float(data["slot"]["cutoff"]), names,
                   data.get("meta"))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    return PairModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


# --- fitting ---------------------------------------------------------------------------------


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0,
                 sample_weight: np.ndarray | None = None, iterations: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method from zeros (deterministic). The
    bias (column 0) is not penalised."""
    n, d = x.shape
    sw = np.ones(n) if sample_weight is None else sample_weight
    w = np.zeros(d)
    reg = np.full(d, l2)
    reg[0] = 1e-6
    for _ in range(iterations):
        z = np.clip(x @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x.T @ (sw * (p - y)) + reg * w
        h = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(h, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return w


def cutoff_for_precision(p: np.ndarray, y: np.ndarray, target: float) -> float:
    """The lowest probability cut-off whose decisions reach ``target`` precision (at least
    one true pair kept); 0.99 when none does."""
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    fp = np.cumsum(1 - ys)
    precision = tp / np.maximum(tp + fp, 1)
    ok = np.flatnonzero((precision >= target) & (tp > 0))
    if not len(ok):
        return 0.99
    k = ok[-1]
    # Half-way to the next lower score, so ties at the cut-off fall on the kept side.
    nxt = ps[k + 1] if k + 1 < len(ps) else 0.0
    return float((ps[k] + nxt) / 2) if ps[k] > nxt else float(ps[k])


def cutoff_for_recall(p: np.ndarray, y: np.ndarray, target: float) -> float:
    """The highest probability cut-off that keeps ``target`` of the positives."""
    positives = np.sort(p[y > 0])[::-1]
    if not len(positives):
        return 0.5
    k = min(len(positives) - 1, max(0, math.ceil(target * len(positives)) - 1))
    return float(positives[k])
