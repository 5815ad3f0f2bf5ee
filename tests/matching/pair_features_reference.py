"""The pair features of matching.pair_model written plainly (one pair at a time, nothing
cached per claim), as they were before the fast path: tests compare the two to 1e-9."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from rapidfuzz import fuzz

from matching import pair_model as pm
from matching.figures import compare, time_frames_differ
from matching.frames import compare_frames, frame_conflicts, period_distance_days
from matching.language import language_of
from matching.pair_model import (
    _COARSE_MEASURES,
    COMPARABLE_LANGUAGES,
    SPECIFIC_CATEGORIES,
    _agreeing_digits,
    _agreeing_rarity,
    _capitalised,
    _days,
    _entities_differ,
    _jaccard,
    _masked_text,
    _names,
    _rel_distance,
    _trigrams,
    _weighted,
    frames_of,
)
from matching.pairs import Relation, dated_apart_from_publication, predicate_mismatch, score_pair
from matching.predicates import lead_sides_differ, stances_differ, stances_opposite
from matching.signature import ClaimSig
from matching.slot import (
    beside_agreement,
    clash_closeness,
    event_contradictions,
    every_figure_clashes,
)


def reference_pair_features(
    a: ClaimSig, b: ClaimSig, idf: Mapping[str, float], default_idf: float = 1.0
) -> pm.PairFeatures:
    jac, over = _weighted(a, b, idf, default_idf)
    ratio = fuzz.ratio(a.sorted_text, b.sorted_text) / 100.0
    tri = _jaccard(_trigrams(_masked_text(a)), _trigrams(_masked_text(b)))
    na, nb = _names(a), _names(b)
    fa, fb = frames_of(a), frames_of(b)
    fc = compare_frames(fa, fb)
    contradictions = event_contradictions(a.text, b.text, frame_conflicts(fa, fb))
    figures = compare(a.quantities, b.quantities)
    non_date_a = [f for f in fa if f.measure != "date"]
    non_date_b = [f for f in fb if f.measure != "date"]
    pub = period_distance_days(_days(a.date), _days(b.date))
    la, lb = language_of(a.text), language_of(b.text)
    comparable = la == lb and la in COMPARABLE_LANGUAGES
    rules = score_pair(a, b, idf=idf, default_idf=default_idf).relation
    distances = [_rel_distance(x, y) for x, y in fc.same_measure if x.measure != "date"]
    v = np.array([
        1.0,
        jac,
        over,
        ratio,
        tri,
        min(len(na & nb), 3) / 3.0,
        float(_entities_differ(a, b)),
        float(bool(predicate_mismatch(a, b))),
        float(fc.precise_agree),
        float(bool(fc.agree)),
        float(bool(fc.conflict)),
        float(bool(fc.same_measure)),
        float(fc.measure_clash and not fc.same_measure),
        float(bool(non_date_a) != bool(non_date_b)),
        float(not fa and not fb),
        float(time_frames_differ(a.quantities, b.quantities)
              or dated_apart_from_publication(a, b)),
        0.0 if pub is None else math.log1p(pub) / 5.0,
        float(pub is None),
        float(a.category in SPECIFIC_CATEGORIES and b.category in SPECIFIC_CATEGORIES
              and a.category != b.category),
        float(bool(figures.other_quantities) and not figures.agreements),
        float(not comparable),
        min(distances) if distances else 0.0,
        float(bool(a.outlet) and a.outlet == b.outlet),
        _jaccard(_capitalised(a.text), _capitalised(b.text)),
        float(bool(fc.agree)) * over,
        float(bool(fc.agree)) * tri,
        float(fc.precise_agree) * over,
        float(not fa and not fb) * over,
        float(bool(fc.same_measure)) * over,
        float(pub is not None and pub <= 3),
        float(rules is Relation.SAME),
        float(rules is Relation.CONFLICT),
        _agreeing_rarity(fc.agree, idf, default_idf),
        _agreeing_digits(fc.agree),
        float(any(x.measure == y.measure and x.measure not in _COARSE_MEASURES
                  for x, y in fc.agree)),
        float(any(x.measure == y.measure and x.measure not in _COARSE_MEASURES
                  for x, y in fc.same_measure)),
        float(any(x.actor and y.actor and x.actor != y.actor for x, y in fc.same_measure)),
        float(stances_opposite(a.text, b.text)),
        float(stances_differ(a.text, b.text)),
        float(lead_sides_differ(a.text, b.text)),
        clash_closeness(contradictions),
        float(beside_agreement(fc.agree, contradictions)),
        float(every_figure_clashes(fc.agree, contradictions)),
    ])
    return pm.PairFeatures(v, fc, contradictions, comparable)
