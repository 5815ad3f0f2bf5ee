"""Scoring many candidate pairs on every core.

``score_pair`` is plain Python, so grouping 100,000 claims spends most of its time in it on one
core. The pairs are independent: worker processes score slices of them and send the results
back in order, so the outcome is the one of scoring them one by one.

Workers are forked, so they share the signatures without copying or pickling them. Forking is
only done from the main thread on Linux: a fork from a GUI worker thread (or a spawned
interpreter re-running a frozen app) is not worth the risk, and there the pairs are scored here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor

from matching import pairs as _pairs
from matching.pairs import PairResult, Thresholds
from matching.signature import ClaimSig

PARALLEL_PAIRS = 20_000  # below this, starting workers costs more than it saves
CHUNK = 5_000

_State = tuple[Sequence[ClaimSig], Mapping[str, float], float, Thresholds]
_state: _State | None = None


def _init(state: _State) -> None:
    global _state
    _state = state


def _score_slice(pairs: list[tuple[int, int]]) -> list[PairResult]:
    assert _state is not None
    sigs, idf, default_idf, thresholds = _state
    score = _pairs.score_pair
    return [score(sigs[i], sigs[j], idf=idf, default_idf=default_idf, thresholds=thresholds)
            for i, j in pairs]


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
) -> list[PairResult]:
    """``score_pair`` of every (i, j) in ``pairs``, in order; on ``workers`` processes (None:
    every core) when there are at least ``parallel_from`` (PARALLEL_PAIRS) pairs and forking
    is safe."""
    parallel_from = PARALLEL_PAIRS if parallel_from is None else parallel_from
    state = (sigs, idf, default_idf, thresholds)
    n = worker_count(workers)
    if n < 2 or len(pairs) < parallel_from or not can_fork():
        global _state
        previous, _state = _state, state
        try:
            return _score_slice(pairs)
        finally:
            _state = previous
    size = max(1, min(CHUNK, -(-len(pairs) // (n * 4))))
    slices = [pairs[k : k + size] for k in range(0, len(pairs), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_init,
                             initargs=(state,)) as pool:
        return [res for part in pool.map(_score_slice, slices) for res in part]
