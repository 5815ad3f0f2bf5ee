"""Blocking stays bounded on unkind data: a common key is degraded to rarer conjunctions
(never silently dropped), over-full buckets are read by neighbourhood, each claim keeps its
best candidates under a hard ceiling, and frame keys plug in from the signature."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np
import pytest

from bench.generated_sets import labelled_set
from matching import blocking
from matching.frames import Frame
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pairs import DEFAULT_THRESHOLDS
from matching.records import record_signatures
from matching.signature import ClaimSig
from tests.matching.blocking_reference import plain_candidates


@pytest.fixture(scope="module")
def repetitive():
    """Few templates, a dozen places, round figures: keys shared by hundreds of claims."""
    sigs = record_signatures(labelled_set("repetitive", 1200, seed=5))
    return sigs, idf_table(document_frequencies(sigs), len(sigs))


@pytest.mark.parametrize("refine", [2, 0])  # without refining, every over-full key is windowed
def test_numpy_blocking_is_the_plain_rules(repetitive, monkeypatch, refine):
    sigs, idf = repetitive
    monkeypatch.setattr(blocking, "BUCKET_CAP", 5)  # many keys over the cap, some far over
    monkeypatch.setattr(blocking, "REFINE_KEYS", refine)
    monkeypatch.setattr(blocking, "WINDOW", 3)
    monkeypatch.setattr(blocking, "KEY_CEILING", 10**6)  # the ceiling is tested below
    stats = blocking.BlockingStats()
    pairs, weights = blocking.candidate_pairs_weighted(sigs, idf, stats)
    expected = plain_candidates(sigs, idf)
    assert stats.over_cap and (stats.windowed or refine)  # every path really taken
    assert dict(zip(map(tuple, pairs.tolist()), weights.tolist(), strict=True)) == expected


def test_a_common_key_is_degraded_to_a_rarer_one_not_dropped(repetitive, monkeypatch):
    """Two claims sharing a common key and one rarer key: the common key still counts, through
    the conjunction; with the common key simply dropped they would not be compared."""
    sigs, idf = repetitive
    monkeypatch.setattr(blocking, "KEY_CEILING", 10**6)
    monkeypatch.setattr(blocking, "BUCKET_CAP", 24)
    pairs, weights = blocking.candidate_pairs_weighted(sigs, idf)
    degraded = dict(zip(map(tuple, pairs.tolist()), weights.tolist(), strict=True))
    holders = blocking.key_holders(sigs, idf)
    key_w = {k: w for s in sigs for k, w in blocking.blocking_keys(s, idf)}
    dropped = defaultdict(int)  # the old rule: over-full keys say nothing
    for key, members in holders.items():
        if 2 <= len(members) <= 24:
            for pair in combinations(members, 2):
                dropped[pair] += blocking.key_weight(key_w[key], len(members))
    kept_only_by_degrading = [p for p in degraded if dropped.get(p, 0) < blocking.MIN_KEY_WEIGHT]
    assert kept_only_by_degrading
    assert all(degraded[p] > dropped.get(p, 0) for p in kept_only_by_degrading)


def test_each_claim_keeps_its_best_candidates_under_the_ceiling(repetitive, monkeypatch):
    sigs, idf = repetitive
    n = len(sigs)
    monkeypatch.setattr(blocking, "KEY_CEILING", 10**6)
    every, every_w = blocking.candidate_pairs_weighted(sigs, idf)
    monkeypatch.setattr(blocking, "KEY_CEILING", 3)
    kept, _w = blocking.candidate_pairs_weighted(sigs, idf)
    assert len(kept) <= 3 * n < len(every)
    kept_set = set(map(tuple, kept.tolist()))
    tie = blocking._tie_break(every[:, 0] * n + every[:, 1])
    per_claim = defaultdict(list)
    for (a, b), w, t in zip(every.tolist(), every_w.tolist(), tie.tolist(), strict=True):
        per_claim[a].append((-w, t, (a, b)))
        per_claim[b].append((-w, t, (a, b)))
    for ranked in per_claim.values():
        best = [pair for *_score, pair in sorted(ranked)[:3]]
        assert set(best) <= kept_set  # a claim's own three best are always kept
    assert kept_set <= set(map(tuple, every.tolist()))  # and nothing else appears


def test_scored_pairs_per_claim_are_capped_most_similar_first(repetitive, monkeypatch):
    sigs, idf = repetitive
    pairs, weights = blocking.candidate_pairs_weighted(sigs, idf)
    unlimited = blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS,
                                         limit=10**6)
    one = blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS, limit=1)
    assert len(one) <= len(sigs) and len(one) < len(unlimited)
    assert set(map(tuple, one.tolist())) <= set(map(tuple, unlimited.tolist()))
    # The ceiling thins the candidates, it never leaves a claim without its best one.
    had = np.bincount(unlimited.ravel(), minlength=len(sigs)) > 0
    has = np.bincount(one.ravel(), minlength=len(sigs)) > 0
    assert (had == has).all()


def test_no_claim_is_in_more_pairs_than_the_ceiling(repetitive):
    """Picks of other claims count against the claim picked too: a claim many near copies
    pick is in at most ``limit`` pairs (besides the one best pair of a claim the ceiling left
    with none, which is that claim's only pair)."""
    sigs, idf = repetitive
    pairs, weights = blocking.candidate_pairs_weighted(sigs, idf)
    unlimited = blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS,
                                         limit=10**6)
    limit = 3
    kept = blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS, limit=limit)
    assert np.bincount(unlimited.ravel()).max() > limit  # the ceiling has work to do
    degree = np.bincount(kept.ravel(), minlength=len(sigs))
    counted = np.zeros(len(sigs), dtype=np.int64)
    for a, b in kept.tolist():
        counted[a] += degree[b] > 1
        counted[b] += degree[a] > 1
    assert counted.max() <= limit
    assert set(map(tuple, kept.tolist())) <= set(map(tuple, unlimited.tolist()))


def test_identical_claims_are_grouped_without_being_scored(repetitive):
    sigs, _idf = repetitive
    first = blocking.identical_claims(sigs)
    copies = [i for i in range(len(sigs)) if first[i] != i]
    assert copies  # wire copy: the generator repeats sentences word for word
    result = cluster(sigs)
    assert all(result.labels[i] == result.labels[first[i]] for i in copies)
    # A person's "not the same" on a copy keeps it out of the collapse.
    a = copies[0]
    b = int(first[a])
    apart = cluster(sigs, cannot_link=[(a, b)])
    assert apart.labels[a] != apart.labels[b]


@dataclass(frozen=True)
class _FramedSig(ClaimSig):
    """A signature carrying frames, as matching.frames gives them."""

    frame_list: tuple = ()

    @property
    def frames(self) -> tuple:
        return self.frame_list


def test_frame_keys_come_from_the_signature_and_can_block_alone():
    frame = Frame("killed", 52.5, 53.5, "53", "count:people", "2022-07-30", False, True)
    other = Frame("killed", 49.5, 50.5, "50", "count:people", "2022-07-30", False, True)
    keys = dict(blocking.frame_keys(_FramedSig(1, "x", (), {}, (), frame_list=(frame,))))
    assert keys["fp:killed:2022-07"] == 2 and keys["fd:killed:2022-07-30"] == 1
    assert blocking.frame_keys(_FramedSig(2, "x", (), {}, ())) == []
    # Two claims with nothing in common but their frame (the measure on one day, a close
    # value) are candidates; another measure on that day is not.
    sigs = [_FramedSig(i, "t", (f"w{i}",), {}, (), frame_list=(f,))
            for i, f in enumerate([frame, replace(frame, low=53, high=54),
                                   replace(other, measure="wounded")])]
    assert blocking.candidate_pairs(sigs, {}).tolist() == [[0, 1]]
