"""Grouping's table of pair decisions gives every pair it reads the decision of scoring that
pair alone, copies of a claim (read once for all of them) included.

The average-link guard samples one claim per set of copies (matching.grouping.near_copies),
so the pairs of copies are read here through a table built as grouping builds its own."""

from __future__ import annotations

import math

from bench.generated_sets import labelled_set
from matching.decide import LEARNED
from matching.decide import score as decide_score
from matching.grouping import cluster, document_frequencies, idf_table
from matching.pair_cache import PairCache
from matching.pair_model import frame_idf
from matching.pairs import DEFAULT_THRESHOLDS
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
    for (i, j), res in result.scored.items():
        assert res == decide_score(fresh[i], fresh[j], idf=idf, default_idf=default_idf), (i, j)
    # Pairs of copies, each read after the pair of their first claims filled the table.
    table = PairCache(sigs, first.tolist(), idf=idf, default_idf=default_idf,
                      thresholds=DEFAULT_THRESHOLDS, model=LEARNED, keep_explanations=True)
    pairs = sorted(result.scored)
    for i, j in pairs:
        table.score(i, j)
    read_copies = [(c, d) for i, j in pairs for c in (i, *copies_of(first, i)[:2])
                   for d in (j, *copies_of(first, j)[:2]) if (c, d) != (i, j) and c != d]
    assert len(read_copies) > 20
    assert {fresh[i].outlet == fresh[j].outlet for i, j in read_copies} == {True, False}
    for i, j in read_copies:
        res = table.result(table.score(i, j))
        assert res == decide_score(fresh[i], fresh[j], idf=idf, default_idf=default_idf), (i, j)


def copies_of(first, i: int) -> list[int]:
    """The other claims whose first copy is claim i's."""
    return [c for c in range(len(first)) if first[c] == first[i] and c != i]
