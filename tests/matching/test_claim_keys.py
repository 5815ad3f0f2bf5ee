"""A claim's blocking keys worked out with its signature (matching.claim_keys, in the
signature workers) are the keys blocking would work out itself, after the trip back."""

from __future__ import annotations

import pickle

from bench.generated_sets import labelled_set
from matching import blocking
from matching.claim_keys import claim_keys, static_keys
from matching.grouping import document_frequencies, idf_table
from matching.records import _signatures_worked_out


def test_claim_keys_are_the_blocking_keys_once_each():
    records = labelled_set("third", 300, seed=3)
    sigs = pickle.loads(pickle.dumps(_signatures_worked_out(list(enumerate(records)))))
    idf = idf_table(document_frequencies(sigs), len(sigs))
    caps = [blocking.BUCKET_CAP] + [min(s.cap or blocking.BUCKET_CAP, blocking.BUCKET_CAP)
                                    for s in blocking.KEY_SOURCES]
    with_keys = 0
    for sig in sigs:
        assert "_claim_keys" in sig.__dict__  # sent back by the worker
        keys = claim_keys(sig)
        expected = {k: (w, caps[s]) for k, w, s in static_keys(sig)}
        got = {k: (w, caps[s]) for k, w, s in zip(keys.keys, keys.weights, keys.sources,
                                                   strict=True)}
        assert list(got.items()) == list(expected.items())
        everything = {k: (w, cap) for k, w, cap in blocking._capped_keys(sig, idf)}
        assert {k: v for k, v in everything.items() if not k.startswith("w:")} == got
        with_keys += bool(keys.keys)
    assert with_keys > 200
