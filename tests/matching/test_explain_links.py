"""A caller that needs only the groups (``claimdesk cluster``) gets them without any explanation
being built: the same relations, scores, groups and conflicts as when every link is explained."""

from __future__ import annotations

import math

from bench.generated_sets import labelled_set
from matching.decide import score
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pair_model import frame_idf
from matching.pairs import DEFAULT_THRESHOLDS, Relation
from matching.parallel import score_pairs
from matching.records import record_signatures
from matching.signature import signature

# Our own sentences: the same claim twice, a conflicting figure, another claim.
SAME_A = "Officials said 412 homes were destroyed by the flood in Odesa region on 3 June 2024."
SAME_B = "The flood destroyed 412 homes in the Odesa region on June 3, 2024, officials said."
OTHER_FIGURE = "The flood destroyed 950 homes in the Odesa region on June 3, 2024, officials said."
UNRELATED = "Wheat exports through the Danube ports rose by a third in May 2024."


def _sigs(texts):
    return [signature(k, t, date="2024-06-04", outlet=f"Outlet {k}") for k, t in enumerate(texts)]


def _weights(sigs):
    n = len(sigs)
    idf = {**idf_table(document_frequencies(sigs), n), **frame_idf(sigs)}
    return idf, math.log(1 + (n + 0.5) / 1.5)


def test_a_decision_without_its_explanation_has_the_same_relation_and_score():
    sigs = _sigs([SAME_A, SAME_B, OTHER_FIGURE, UNRELATED])
    idf, default = _weights(sigs)
    relations = set()
    for i in range(len(sigs)):
        for j in range(i + 1, len(sigs)):
            full = score(sigs[i], sigs[j], idf=idf, default_idf=default)
            bare = score(sigs[i], sigs[j], idf=idf, default_idf=default, explain=False)
            assert (bare.relation, bare.score) == (full.relation, full.score)
            assert full.explanation and bare.explanation == {}
            relations.add(full.relation)
    assert Relation.SAME in relations and Relation.DIFFERENT in relations


def test_workers_build_no_explanation_when_none_is_asked():
    sigs = record_signatures(labelled_set("repetitive", 300, seed=3))
    idf, default = _weights(sigs)
    pairs = [(i, i + 1) for i in range(0, len(sigs) - 1)]
    full = score_pairs(sigs, pairs, idf=idf, default_idf=default, thresholds=DEFAULT_THRESHOLDS,
                       workers=2, parallel_from=1)
    bare = score_pairs(sigs, pairs, idf=idf, default_idf=default, thresholds=DEFAULT_THRESHOLDS,
                       workers=2, parallel_from=1, explain=False)
    assert [(r.relation, r.score) for r in bare] == [(r.relation, r.score) for r in full]
    assert all(r.explanation == {} for r in bare)
    assert any(r.explanation for r in full)


def test_groups_without_explained_links_are_the_same_groups():
    records = labelled_set("repetitive", 1200, seed=11)
    explained = cluster(record_signatures(records), workers=1)
    bare = cluster(record_signatures(records), workers=1, explain_links=False)
    assert bare.labels == explained.labels
    assert bare.conflicts == explained.conflicts
    assert {k: (v.relation, v.score) for k, v in bare.links.items()} == {
        k: (v.relation, v.score) for k, v in explained.links.items()}
    assert len(bare.links) > 100
    assert all(v.explanation == {} for v in bare.links.values())
    assert all(v.explanation for v in explained.links.values())
