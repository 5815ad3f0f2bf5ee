"""The fast pair features (per-claim parts, shared rules parts) give the values of computing every
feature from scratch, on the written set and on generated sets of two shapes."""

from __future__ import annotations

import math
import pickle
import random
from pathlib import Path

import numpy as np
import pytest

from bench.generated_sets import labelled_set
from matching.blocking import candidate_pairs_weighted
from matching.grouping import document_frequencies, idf_table
from matching.jsonl import read_jsonl
from matching.pair_model import frame_idf, pair_features
from matching.pairs import Relation, score_pair
from matching.records import record_signatures
from tests.matching.pair_features_reference import reference_pair_features

DATA = Path(__file__).parent / "data"


def _weights(sigs):
    n = len(sigs)
    idf = idf_table(document_frequencies(sigs), n)
    return {**idf, **frame_idf(sigs)}, math.log(1 + (n + 0.5) / 1.5)


def _pairs(sigs, idf, extra_random: int, seed: int) -> list[tuple[int, int]]:
    """The pairs grouping scores (word and frame candidates: blocking.KEY_SOURCES), and random
    ones."""
    found = {tuple(p) for p in candidate_pairs_weighted(sigs, idf)[0].tolist()}
    rng = random.Random(seed)
    while extra_random:
        i, j = sorted(rng.sample(range(len(sigs)), 2))
        found.add((i, j))
        extra_random -= 1
    return sorted(found)


def _check(sigs, pairs, idf, default) -> int:
    compared = 0
    for i, j in pairs:
        fast = pair_features(sigs[i], sigs[j], idf, default)
        slow = reference_pair_features(sigs[i], sigs[j], idf, default)
        np.testing.assert_allclose(fast.values, slow.values, rtol=0, atol=1e-9,
                                   err_msg=f"pair {i}, {j}")
        assert fast.frames == slow.frames
        assert fast.contradictions == slow.contradictions
        assert fast.comparable_text == slow.comparable_text
        compared += 1
    return compared


def test_fast_features_equal_the_reference_on_the_written_set():
    records = read_jsonl(DATA / "domain_claims.jsonl") + read_jsonl(DATA / "domain_claims_extra.jsonl")
    sigs = record_signatures(records)
    idf, default = _weights(sigs)
    every = [(i, j) for i in range(len(sigs)) for j in range(i + 1, len(sigs))]
    assert _check(sigs, every, idf, default) == len(every)


@pytest.mark.parametrize("generator", ["repetitive", "second"])
def test_fast_features_equal_the_reference_on_generated_sets(generator):
    sigs = record_signatures(labelled_set(generator, 500, seed=3))
    idf, default = _weights(sigs)
    pairs = _pairs(sigs, idf, extra_random=1500, seed=5)
    assert len(pairs) > 1500
    _check(sigs, pairs, idf, default)


def test_the_rules_relation_is_score_pairs():
    sigs = record_signatures(labelled_set("repetitive", 500, seed=11))
    idf, default = _weights(sigs)
    relations = set()
    for i, j in _pairs(sigs, idf, extra_random=500, seed=2):
        expected = score_pair(sigs[i], sigs[j], idf=idf, default_idf=default).relation
        relations.add(expected)
        fast = pair_features(sigs[i], sigs[j], idf, default).values
        assert (fast[30], fast[31]) == (float(expected is Relation.SAME),
                                        float(expected is Relation.CONFLICT)), (i, j)
    assert len(relations) == 3  # same, conflict and different all met


def test_parts_pickled_with_a_signature_keep_no_object_ids():
    sigs = record_signatures(labelled_set("second", 60, seed=1))
    idf, default = _weights(sigs)
    before = [pair_features(sigs[0], s, idf, default).values for s in sigs[1:]]
    copies = pickle.loads(pickle.dumps(sigs))
    after = [pair_features(copies[0], s, idf, default).values for s in copies[1:]]
    np.testing.assert_array_equal(np.array(before), np.array(after))
