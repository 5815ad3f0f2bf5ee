"""What the average-link guard compares of a claim group: its first members, leaving out
restatements of a member already taken. One implementation for a grouping run
(matching.grouping) and an import (matching.incremental_joins), so both judge a join on the
same evidence.

Copies and near-copies of one sentence join first, so the first members of a group were often
one sentence over again, and a join rested on a single pair (gen_real_noisy: every wrong pair).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from matching.frames_clash import clash_key
from matching.signature import ClaimSig

# Claims of each side the average-link guard compares (SAMPLE x SAMPLE pairs), and how alike
# two claims' word sets are when one restates the other (gen_real_noisy: 99% of the noisy
# copies of one sentence; 99% of two sentences of one gold group are below 0.72).
SAMPLE = 4
NEAR_COPY = 0.75

T = TypeVar("T")


def restates(a: ClaimSig, b: ClaimSig) -> bool:
    """The same figures and names in nearly the same words (word sets NEAR_COPY alike: a wire
    copy with another attribution, order or spelling; another place or actor is another
    claim). Such a pair adds nothing to the evidence of an average-link test."""
    ta, tb = a.token_set, b.token_set
    if (not ta or not tb or a.entities != b.entities
            or clash_key(a.frames) != clash_key(b.frames)):
        return False
    shared = len(ta & tb)
    return shared >= NEAR_COPY * (len(ta) + len(tb) - shared)


def near_copies(sigs: Sequence[ClaimSig], first: Sequence[int]) -> Callable[[int, int], bool]:
    """Claims i and j (indices into ``sigs``) restate one another: identical claims (``first``:
    matching.prefilter.identical_claims) or ``restates``."""

    def near(i: int, j: int) -> bool:
        return first[i] == first[j] or restates(sigs[i], sigs[j])

    return near


def distinct(members: Iterable[T], near: Callable[[T, T], bool], size: int = SAMPLE) -> list[T]:
    """The first ``size`` of ``members`` that restate none taken before them."""
    out: list[T] = []
    for j in members:
        if not any(near(i, j) for i in out):
            out.append(j)
            if len(out) == size:
                break
    return out
