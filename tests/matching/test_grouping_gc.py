"""What pausing the cycle collector during grouping relies on: grouping makes no reference
cycles (so nothing is left uncollected by the pause), it runs with the collector paused, and the
collector is back as it was afterwards."""

from __future__ import annotations

import gc
from pathlib import Path

import matching.grouping as grouping
from matching.jsonl import read_jsonl
from matching.records import record_signatures

DATA_DIR = Path(__file__).parent / "data"


def _sigs() -> list:
    return record_signatures(list(read_jsonl(DATA_DIR / "domain_claims.jsonl")))


def test_grouping_makes_no_reference_cycles():
    grouping.cluster(_sigs(), workers=1)  # caches, tables and patterns first
    sigs = _sigs()
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        result = grouping.cluster(sigs, workers=1, keep_scores=True)
        assert len(set(result.labels)) < len(sigs)  # some claims were grouped
        dict(result.links)  # the links' explanations read too
        del result, sigs
        assert gc.collect() == 0  # nothing was left for the cycle collector
    finally:
        if was:
            gc.enable()


def test_grouping_runs_with_the_collector_paused_and_restores_it(monkeypatch):
    seen = []
    blocking = grouping.candidate_pairs_weighted

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return blocking(*args, **kwargs)

    monkeypatch.setattr(grouping, "candidate_pairs_weighted", spy)
    assert gc.isenabled()
    grouping.cluster(_sigs(), workers=1)
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        grouping.cluster(_sigs(), workers=1)
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()
