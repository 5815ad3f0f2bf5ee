"""The relation matching.pairs.score_pair decides (the older hand-set rules, a feature of the pair
model), worked out from the parts pair_model.pair_features has already computed for the pair:
the word weights, the edit similarity, the figure comparison and the time frames are computed
once per pair instead of twice. tests/matching/test_pair_features_fast.py checks it against
score_pair itself."""

from __future__ import annotations

from matching.figures import FigureComparison, compare
from matching.pairs import (
    DEFAULT_THRESHOLDS,
    SPECIFIC_CATEGORIES,
    Relation,
    blend,
)
from matching.roles import default_roles
from matching.signature import ClaimSig

_T = DEFAULT_THRESHOLDS
_FLOOR = _T.floor
_ABOUT_DATES = ("date", "duration")


def rules_relation(
    a: ClaimSig,
    b: ClaimSig,
    *,
    jaccard: float,
    overlap: float,
    ratio: float,
    entities_differ: bool,
    assertions_differ: bool,
    figures: FigureComparison,
    periods_differ: bool,
) -> Relation:
    """``score_pair(a, b, idf=..., default_idf=...).relation`` under the default thresholds;
    ``figures`` is ``compare(a.quantities, b.quantities)`` with the roles looked at."""
    text = blend(jaccard, overlap, ratio, _T)
    if text < _FLOOR or entities_differ or assertions_differ:
        return Relation.DIFFERENT
    if figures.roles_kept_apart and not default_roles().may_differ(a, b):
        figures = compare(a.quantities, b.quantities, roles=False)
    if figures.other_quantities and not figures.conflicts and not any(
        x.cls != "date" for x, _ in figures.agreements
    ):
        return Relation.DIFFERENT
    if periods_differ:
        return Relation.DIFFERENT
    if figures.conflicts:
        return Relation.CONFLICT if text >= _T.conflict_text else Relation.DIFFERENT
    both = (*a.quantities, *b.quantities)
    about_dates = all(q.cls in _ABOUT_DATES for q in both)
    precise = any(x.cls != "date" and not (x.cls == "duration" and (x.time_frame or y.time_frame))
                  and not x.open_ended and not y.open_ended for x, y in figures.agreements)
    if precise:
        bar = _T.same_with_figure
    elif about_dates and any(x.cls == "date" and x.date == y.date for x, y in figures.agreements):
        bar = _T.same_with_date
    elif figures.agreements and not _unmatched(a, b, figures):
        bar = _T.same_with_weak_figure
    elif not any(q.cls not in _ABOUT_DATES for q in both):
        bar = _T.same_text
    else:
        bar = _T.same_mixed
    if a.category in SPECIFIC_CATEGORIES and b.category in SPECIFIC_CATEGORIES and (
        a.category != b.category
    ):
        bar = max(bar, _T.same_mixed)
    return Relation.SAME if text >= bar else Relation.DIFFERENT


def _unmatched(a: ClaimSig, b: ClaimSig, figures: FigureComparison) -> bool:
    """Each claim has a precise figure that agrees with nothing in the other."""
    paired = {id(q) for pair in figures.agreements for q in pair}
    return all(any(q.cls not in _ABOUT_DATES and id(q) not in paired for q in side.quantities)
               for side in (a, b))
