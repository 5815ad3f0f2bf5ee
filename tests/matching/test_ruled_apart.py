"""Candidate pairs the decision's first rules rule apart are decided "different" without their
features (matching.decide.ruled_apart), and everything grouping reads stays what scoring every
pair in full gave: the relation of each candidate, the decisions of the others, the groups."""

from __future__ import annotations

import math

import pytest

from bench.generated_sets import labelled_set
from matching.blocking import candidate_pairs_weighted
from matching.decide import LEARNED, decide_pair, frames_compared, ruled_apart
from matching.figures import compare
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pair_cache import PairCache
from matching.pair_model import frame_idf
from matching.pairs import DEFAULT_THRESHOLDS, Relation
from matching.parallel import APART
from matching.records import record_signatures

RULE_KEYS = {"subjects_differ", "counts_differ", "references_differ", "places_differ"}


def _records(texts: list[str]) -> list[dict]:
    return [{"id": f"r{k}", "text": t, "outlet": f"Outlet {k}", "date": "2026-03-02"}
            for k, t in enumerate(texts)]


def _weights(sigs):
    n = len(sigs)
    idf = idf_table(document_frequencies(sigs), n)
    return {**idf, **frame_idf(sigs)}, math.log(1 + (n + 0.5) / 1.5)


def test_two_places_are_ruled_apart_and_one_place_is_not():
    sigs = record_signatures(_records([
        "Drones hit 14 apartment blocks in Lutsk overnight, the regional governor said.",
        "Drones hit 14 apartment blocks in Uman overnight, the regional governor said.",
        "Overnight drones damaged 14 apartment blocks in Lutsk, according to the governor.",
    ]))
    idf, default = _weights(sigs)
    apart = ruled_apart(sigs[0], sigs[1], frames_compared(sigs[0], sigs[1]))
    same_place = ruled_apart(sigs[0], sigs[2], frames_compared(sigs[0], sigs[2]))
    assert apart and not same_place
    full = decide_pair(sigs[0], sigs[1], idf=idf, default_idf=default)
    assert full.relation is Relation.DIFFERENT and "places_differ" in full.explanation


@pytest.mark.parametrize("shape", ["second", "repetitive"])
def test_ruled_apart_agrees_with_the_full_decision(shape):
    """Every pair ruled apart is one the full decision calls different by one of those rules;
    every other pair gets the full decision's relation, score and explanation when the rules
    are not applied again (``not_apart``) and the frames are handed in."""
    sigs = record_signatures(labelled_set(shape, 500, seed=3))
    idf, default = _weights(sigs)
    pairs = candidate_pairs_weighted(sigs, idf)[0].tolist()
    assert len(pairs) > 200
    seen_apart = 0
    for i, j in pairs:
        a, b = sigs[i], sigs[j]
        full = decide_pair(a, b, idf=idf, default_idf=default)
        frames = frames_compared(a, b)
        if ruled_apart(a, b, frames):
            seen_apart += 1
            assert full.relation is Relation.DIFFERENT, (i, j)
            assert RULE_KEYS & full.explanation.keys(), (i, j, full.explanation)
        else:
            quick = decide_pair(a, b, idf=idf, default_idf=default, frames=frames,
                                not_apart=True)
            assert (quick.relation, quick.score, quick.explanation) == (
                full.relation, full.score, full.explanation), (i, j)
            assert not RULE_KEYS & full.explanation.keys(), (i, j)
    assert seen_apart > 0


def test_a_pair_ruled_apart_is_not_filed_and_is_scored_whole_when_asked():
    sigs = record_signatures(_records([
        "Drones hit 14 apartment blocks in Lutsk overnight, the regional governor said.",
        "Drones hit 14 apartment blocks in Uman overnight, the regional governor said.",
        "Overnight drones damaged 14 apartment blocks in Lutsk, according to the governor.",
    ]))
    idf, default = _weights(sigs)
    cache = PairCache(sigs, [0, 1, 2], idf=idf, default_idf=default,
                      thresholds=DEFAULT_THRESHOLDS, model=LEARNED)
    found = cache.score_many([(0, 1), (0, 2)], workers=1, apart_unscored=True)
    assert found[0] is APART and found[1] is not APART
    assert cache.computed == 1
    whole = cache.score(0, 1)
    assert whole is not APART and whole.relation is Relation.DIFFERENT
    assert not math.isnan(whole.score)
    assert whole.score == decide_pair(sigs[0], sigs[1], idf=idf, default_idf=default).score
    # Every explanation kept (error analysis): nothing is left unscored.
    keeping = PairCache(sigs, [0, 1, 2], idf=idf, default_idf=default,
                        thresholds=DEFAULT_THRESHOLDS, model=LEARNED, keep_explanations=True)
    assert keeping.score_many([(0, 1)], workers=1, apart_unscored=True)[0] is not APART


def test_grouping_is_the_same_with_every_pair_scored_whole():
    """keep_scores scores every candidate pair whole: the groups, conflicts and links are the
    ones of the run that leaves the pairs ruled apart unscored."""
    claims = labelled_set("second", 600, seed=5)
    quick = cluster(record_signatures(claims), workers=1)
    whole = cluster(record_signatures(claims), workers=1, keep_scores=True)
    assert quick.labels == whole.labels
    assert quick.conflicts == whole.conflicts
    assert {k: (v.relation, v.score) for k, v in quick.links.items()} == {
        k: (v.relation, v.score) for k, v in whole.links.items()}


def test_roles_kept_apart_says_when_roles_changed_the_comparison():
    """Without it the comparison is the one made without roles (rules_relation reuses it)."""
    sigs = record_signatures(labelled_set("second", 300, seed=11) + _records([
        "58% of those asked backed the peace talks.",
        "58% of those asked opposed the peace talks.",
    ]))
    checked = 0
    for i in range(len(sigs) - 2):
        for j in (i + 1, i + 2):
            qa, qb = sigs[i].quantities, sigs[j].quantities
            with_roles = compare(qa, qb)
            if not with_roles.roles_kept_apart:
                assert with_roles == compare(qa, qb, roles=False), (i, j)
                checked += 1
    assert checked > 100
    backed, opposed = sigs[-2].quantities, sigs[-1].quantities
    with_roles = compare(backed, opposed)
    assert with_roles.roles_kept_apart and not with_roles.agreements
    assert compare(backed, opposed, roles=False).agreements
