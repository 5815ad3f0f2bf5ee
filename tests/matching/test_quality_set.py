"""The labelled domain sets are well formed, and the benchmark scores conflicts fairly."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.matching_quality import DATA, EXTRA, evaluate
from matching.jsonl import read_jsonl


@pytest.mark.parametrize("files", [[DATA], [DATA, EXTRA]])
def test_labelled_sets_are_well_formed(files):
    records = [r for f in files for r in read_jsonl(f)]
    assert len({r["id"] for r in records}) == len(records)
    groups = {r["group"] for r in records}
    outlets = Counter((r["group"], r["outlet"]) for r in records)
    assert max(outlets.values()) == 1  # within a group every claim comes from another outlet
    for r in records:
        target = r.get("conflict_group_of")
        assert target is None or (target in groups and target != r["group"])


def test_two_wrong_figures_for_one_quantity_are_not_a_false_conflict():
    # g2 and g3 both contradict g1, so they contradict each other as well.
    records = [{"group": "g1"}, {"group": "g2", "conflict_group_of": "g1"},
               {"group": "g3", "conflict_group_of": "g1"}, {"group": "g4"}]
    labels = [0, 1, 2, 3]
    conflicts = {0: {1, 2}, 1: {0, 2}, 2: {0, 1}}
    m = evaluate(records, labels, conflicts)
    assert m["conflicts_flagged"] == 2 and m["false_conflict_pairs"] == 0
    m = evaluate(records, labels, {**conflicts, 3: {0}, 0: {1, 2, 3}})
    assert m["false_conflict_pairs"] == 1
