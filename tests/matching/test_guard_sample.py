"""The average-link guard compares distinct claims of each group: restatements of one sentence
(another attribution, order or spelling) count once, and a pair a rule certainly keeps apart
refuses the join."""

from __future__ import annotations

from matching.grouping import SAMPLE, _groups_agree, _UnionFind, near_copies, sample_agrees
from matching.pairs import PairResult, Relation
from matching.signature import signature

TEXTS = [
    "The harbour authority said 312 barges were moored at the eastern quay on Tuesday.",
    "Officials said the harbour authority said 312 barges were moored at the eastern quay on Tuesday.",
    "On Tuesday, the harbour authority said 312 barges were moored at the eastern quay.",
    "Some 312 river boats lay at anchor by the east pier, according to port officials.",
    "The harbour authority said 298 barges were moored at the eastern quay on Tuesday.",
]


def _sigs():
    return [signature(i, text) for i, text in enumerate(TEXTS)]


def test_restatements_are_near_copies_paraphrases_and_other_figures_are_not() -> None:
    sigs = _sigs()
    near = near_copies(sigs, list(range(len(sigs))))
    assert near(0, 1) and near(0, 2)
    assert not near(0, 3)  # the same figure in other words: evidence of its own
    assert not near(0, 4)  # the same words with another figure


def test_identical_claims_are_near_copies() -> None:
    sigs = _sigs()
    near = near_copies(sigs, [0, 0, 2, 3, 4])
    assert near(0, 1)


def test_sample_keeps_one_claim_per_sentence() -> None:
    sigs = _sigs()
    uf = _UnionFind(len(sigs), near_copies(sigs, list(range(len(sigs)))))
    root = uf.union(uf.union(0, 1), 2)
    assert uf.sample[root] == [0]
    root = uf.union(root, 3)
    assert sorted(uf.sample[root]) == [0, 3]
    assert len(uf.members[root]) == 4


def test_sample_is_bounded() -> None:
    uf = _UnionFind(SAMPLE + 3)
    root = 0
    for i in range(1, SAMPLE + 3):
        root = uf.union(root, i)
    assert len(uf.sample[root]) == SAMPLE


def test_a_certain_rule_apart_refuses_the_join() -> None:
    same = PairResult(Relation.SAME, 0.95, {})
    apart = PairResult(Relation.DIFFERENT, 0.0, {})
    assert sample_agrees([same] * 3, [True] * 3)
    assert not sample_agrees([same] * 15 + [apart], [True] * 16)


def test_groups_of_restatements_are_still_tested_on_their_pair() -> None:
    """Two groups whose samples are one claim each (the rest restate it) join only when that
    pair passes the average-link test; two single claims join on their own decision."""
    sigs = _sigs()
    weak = PairResult(Relation.SAME, 0.35, {})
    assert not _groups_agree(sigs, [0], [3], lambda i, j: weak, learned=True)
    assert _groups_agree(sigs, [0], [3], lambda i, j: weak, learned=True, single=True)
