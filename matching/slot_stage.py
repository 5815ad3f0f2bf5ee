"""Which pairs reach the pair decision's slot stage (matching.decide): the slot model is fitted on those pairs only."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from matching.pair_model import FEATURES, PairFeatures, PairModel
from matching.signature import ClaimSig
from matching.slot import opposite_bounds

# The explanation key matching.decide.decide_pair writes only where the slot model decides
# (one measure, one period, values that cannot both be right, not every figure apart).
SLOT_STAGE_KEY = "frames_differ"


@lru_cache(maxsize=1)
def _neutral_model() -> PairModel:
    """Weights that play no part: where the slot stage is reached does not depend on them."""
    zeros = tuple(0.0 for _ in FEATURES)
    return PairModel(zeros, zeros, 0.5, 0.5)


def reaches_slot_stage(a: ClaimSig, b: ClaimSig, features: PairFeatures,
                       idf: Mapping[str, float], default_idf: float = 1.0) -> bool:
    """The pair decision's rules let the pair through to the slot model: no rule before it
    says "different claims" and its values clash in one slot. ``features``: the pair's
    :func:`matching.pair_model.pair_features` (a pair with no contradiction and no opposite
    bounds never reaches it: decided without running the rules)."""
    if not features.contradictions and not opposite_bounds(a.frames, b.frames):
        return False
    from matching.decide import decide_pair

    result = decide_pair(a, b, idf=idf, default_idf=default_idf, model=_neutral_model(),
                         explain=True, frames=features.frames)
    return SLOT_STAGE_KEY in result.explanation
