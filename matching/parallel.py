"""Scoring many candidate pairs on every core.

``score_pair`` is plain Python, so grouping 100,000 claims spends most of its time in it on one
core. The pairs are independent: worker processes score slices of them and send the results
back in order, so the outcome is the one of scoring them one by one.

Workers are forked, so they share the signatures without copying or pickling them. Forking is
only done from the main thread on Linux: a fork from a GUI worker thread (or a spawned
interpreter re-running a frozen app) is not worth the risk, and there the pairs are scored here.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from matching import decide as _decide
from matching.pairs import PairResult, Relation, Thresholds
from matching.signature import ClaimSig

PARALLEL_PAIRS = 20_000  # below this, starting workers costs more than it saves
CHUNK = 5_000

_State = tuple[Sequence[ClaimSig], list[tuple[int, int]], Mapping[str, float], float, Thresholds,
               Any, bool, bool, bool]
_state: _State | None = None
_RELATIONS = list(Relation)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when the parent dies (a killed `claimdesk match` must
    not leave its workers running), and exit at once if it is already gone."""
    # Not Linux: no prctl; the parent-alive check below still holds.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _init(state: _State, parent: int) -> None:
    global _state
    die_with_parent(parent)
    _state = state


class PackedResult:
    """A pair decision as a worker sends it: the relation and score, and the explanation
    still pickled (grouping reads the explanations of the few pairs it links only, and a
    pickled one takes a tenth of the memory of the dicts)."""

    __slots__ = ("relation", "score", "blob")

    def __init__(self, relation: Relation, score: float, blob: bytes | None) -> None:
        self.relation = relation
        self.score = score
        self.blob = blob

    def result(self) -> PairResult:
        explanation = {} if self.blob is None else pickle.loads(self.blob)
        return PairResult(self.relation, self.score, explanation)


def unpacked(res: PairResult | PackedResult) -> PairResult:
    return res.result() if isinstance(res, PackedResult) else res


# A pair a rule of the decision rules apart whatever the model (matching.decide.ruled_apart and
# decide_pair's ``lazy_apart``): different claims, its probability not worked out (with
# ``apart_unscored``: grouping reads only the relation of such a candidate pair).
APART = PackedResult(Relation.DIFFERENT, math.nan, None)


def _score_one(sigs: Sequence[ClaimSig], i: int, j: int, idf: Mapping[str, float],
               default_idf: float, thresholds: Thresholds, model: Any, explain: bool,
               apart_unscored: bool) -> PairResult | PackedResult:
    a, b = sigs[i], sigs[j]
    if not apart_unscored or model == _decide.RULES:
        return _decide.score(a, b, idf=idf, default_idf=default_idf, thresholds=thresholds,
                             model=model, explain=explain)
    res = _decide.score_unless_apart(a, b, idf=idf, default_idf=default_idf,
                                     thresholds=thresholds, model=model, explain=explain,
                                     lazy=True)
    return APART if res is None else res


def _score_range(bounds: tuple[int, int]) -> list[tuple[int, float | None, bytes | None]]:
    """Decisions of pairs[start:end] as compact tuples (cheaper to pickle): the relation, the
    score, and the pickled explanation (None for a "different" pair unless every explanation
    is kept: grouping reads only the relation and score of those; None for every pair when
    none is built)."""
    assert _state is not None
    sigs, pairs, idf, default_idf, thresholds, model, keep, explain, apart_unscored = _state
    different = Relation.DIFFERENT
    dumps = pickle.dumps
    out: list[tuple[int, float | None, bytes | None]] = []
    for i, j in pairs[bounds[0] : bounds[1]]:
        res = _score_one(sigs, i, j, idf, default_idf, thresholds, model, explain,
                         apart_unscored)
        if res is APART:
            out.append((_RELATIONS.index(different), None, None))
            continue
        out.append((_RELATIONS.index(res.relation), res.score,
                    None if not explain or (res.relation is different and not keep)
                    else dumps(res.explanation, protocol=pickle.HIGHEST_PROTOCOL)))
    return out


def can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.current_thread() is threading.main_thread()


def worker_count(workers: int | None) -> int:
    return max(1, os.cpu_count() or 1) if workers is None else max(1, workers)


def score_pairs(
    sigs: Sequence[ClaimSig],
    pairs: list[tuple[int, int]],
    *,
    idf: Mapping[str, float],
    default_idf: float,
    thresholds: Thresholds,
    workers: int | None = None,
    parallel_from: int | None = None,
    model: Any = _decide.LEARNED,
    keep_explanations: bool = False,
    packed: bool = False,
    explain: bool = True,
    apart_unscored: bool = False,
) -> list[PairResult] | list[PairResult | PackedResult]:
    """``matching.decide.score`` of every (i, j) in ``pairs``, in order; on ``workers`` processes (None:
    every core) when there are at least ``parallel_from`` (PARALLEL_PAIRS) pairs and forking
    is safe. Every pair keeps its relation and score (the ones of scoring it here); a pair
    scored in a worker that is neither the same claim nor a conflict comes back without its
    explanation (an empty one) unless ``keep_explanations``. With ``packed``, those scored in
    workers come back as :class:`PackedResult` (:func:`unpacked` gives the PairResult).
    ``explain`` False: no explanation is built at all (matching.decide.decide_pair), for a
    caller that reads only relations and scores. ``apart_unscored`` (with ``packed``): a pair
    the decision's first rules rule apart comes back as :data:`APART`, without its
    probability (matching.decide.ruled_apart)."""
    parallel_from = PARALLEL_PAIRS if parallel_from is None else parallel_from
    n = worker_count(workers)
    if n < 2 or len(pairs) < parallel_from or not can_fork():
        return [_score_one(sigs, i, j, idf, default_idf, thresholds, model, explain,
                           apart_unscored) for i, j in pairs]
    size = max(1, min(CHUNK, -(-len(pairs) // (n * 4))))
    bounds = [(k, min(k + size, len(pairs))) for k in range(0, len(pairs), size)]
    context = multiprocessing.get_context("fork")
    state = (sigs, pairs, idf, default_idf, thresholds, model, keep_explanations, explain,
             apart_unscored)
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_init,
                             initargs=(state, os.getpid())) as pool:
        out = [APART if res[1] is None else PackedResult(_RELATIONS[res[0]], res[1], res[2])
               for part in pool.map(_score_range, bounds) for res in part]
    return out if packed else [r.result() for r in out]


def fork_pool(workers: int | None = None) -> ProcessPoolExecutor | None:
    """A pool of forked workers for a long run of independent work (the caller shuts it
    down), or None where forking is not safe or there is one core."""
    n = worker_count(workers)
    if n < 2 or not can_fork():
        return None
    return ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
