"""The fast paths of grouping give the results of the plain ones: candidate pairs summed by
sorting, pairs scored on several processes, signatures parsed once per distinct sentence."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from bench.bench_matching import generate
from matching import parallel
from matching.decide import score as score_pair  # the decision grouping and workers use
from matching.grouping import (
    candidate_pairs,
    cluster,
    document_frequencies,
    idf_table,
)
from matching.pairs import DEFAULT_THRESHOLDS, Relation
from matching.records import record_signatures
from tests.matching.blocking_reference import plain_candidates


@pytest.fixture(scope="module")
def sigs():
    return record_signatures(generate(1500, seed=3))


def test_candidate_pairs_are_the_pairs_sharing_enough_key_weight(sigs, monkeypatch):
    from matching import blocking

    monkeypatch.setattr(blocking, "KEY_CEILING", 10**6)  # the ceiling: test_blocking_bounds
    idf = idf_table(document_frequencies(sigs), len(sigs))
    expected = sorted(plain_candidates(sigs, idf))
    got = candidate_pairs(sigs, idf)
    assert got.dtype == np.int64
    assert [tuple(p) for p in got.tolist()] == expected
    assert len(expected) > 1000  # the generated claims share keys: the test sees real work


def _as_tuple(result):
    return (result.labels, result.conflicts, result.links, result.pairs_scored)


def test_grouping_on_several_processes_is_grouping_on_one(sigs, monkeypatch):
    serial = cluster(sigs, workers=1)
    monkeypatch.setattr(parallel, "PARALLEL_PAIRS", 10)
    calls = []
    real = parallel.ProcessPoolExecutor

    def counting(*args, **kwargs):
        calls.append(kwargs.get("max_workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counting)
    forked = cluster(sigs, workers=2)
    assert calls == [2]  # really scored by worker processes
    assert _as_tuple(forked) == _as_tuple(serial)
    assert len(set(serial.labels)) < len(sigs) and serial.conflicts


def test_pairs_are_scored_in_process_off_the_main_thread(sigs, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_PAIRS", 10)
    idf = idf_table(document_frequencies(sigs), len(sigs))
    pairs = [tuple(p) for p in candidate_pairs(sigs, idf).tolist()][:200]
    out: list = []

    def run():
        assert not parallel.can_fork()
        out.extend(parallel.score_pairs(sigs, pairs, idf=idf, default_idf=1.0,
                                        thresholds=DEFAULT_THRESHOLDS, workers=2))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert out == [score_pair(sigs[i], sigs[j], idf=idf, default_idf=1.0) for i, j in pairs]


def test_pairs_scored_by_workers_are_the_pairs_scored_here(sigs, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_PAIRS", 10)
    monkeypatch.setattr(parallel, "CHUNK", 97)  # many small slices: order must survive
    idf = idf_table(document_frequencies(sigs), len(sigs))
    pairs = [tuple(p) for p in candidate_pairs(sigs, idf).tolist()][::5]
    here = [score_pair(sigs[i], sigs[j], idf=idf, default_idf=1.0) for i, j in pairs]
    there = parallel.score_pairs(sigs, pairs, idf=idf, default_idf=1.0,
                                 thresholds=DEFAULT_THRESHOLDS, workers=2)
    assert len(there) == len(here)
    for mine, theirs in zip(here, there, strict=True):
        if mine.relation is Relation.DIFFERENT:
            # Its real probability (the average-link guard sums them), without the explanation.
            assert (theirs.relation, theirs.score, theirs.explanation) == (mine.relation,
                                                                            mine.score, {})
        else:
            assert theirs == mine
    kept = parallel.score_pairs(sigs, pairs, idf=idf, default_idf=1.0,
                                thresholds=DEFAULT_THRESHOLDS, workers=2, keep_explanations=True)
    assert kept == here
    assert {r.relation for r in here} == set(Relation)  # same, conflict and different all seen
