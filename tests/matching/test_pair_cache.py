"""Grouping's table of pair decisions gives every pair it reads the decision of scoring that
pair alone, copies of a claim (read once for all of them) included."""

from __future__ import annotations

import math

from bench.generated_sets import labelled_set
from matching.decide import score as decide_score
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pair_model import frame_idf
from matching.prefilter import identical_claims
from matching.records import record_signature, record_signatures


def test_every_pair_read_has_the_decision_of_scoring_it_alone():
    records = labelled_set("repetitive", 1500, seed=5)
    for r in records:  # few outlets: copies from one outlet and from two both occur
        r["outlet"] = f"Outlet {r['id'] % 3}"
    sigs = record_signatures(records)
    result = cluster(sigs, workers=1, keep_scores=True)
    assert result.scored is not None
    # Signatures of their own: frames and parts worked out for each, shared with no copy.
    fresh = [record_signature(i, r) for i, r in enumerate(records)]
    n = len(fresh)
    idf = {**idf_table(document_frequencies(fresh), n), **frame_idf(fresh)}
    default_idf = math.log(1 + (n + 0.5) / 1.5)
    first = identical_claims(fresh)
    copies = {i for i in range(n) if first[i] != i}
    read_copies = [(i, j) for i, j in result.scored if i in copies or j in copies]
    assert len(read_copies) > 20  # the guard read pairs of copies: the table answered them
    assert {fresh[i].outlet == fresh[j].outlet for i, j in read_copies} == {True, False}
    for (i, j), res in result.scored.items():
        assert res == decide_score(fresh[i], fresh[j], idf=idf, default_idf=default_idf), (i, j)
