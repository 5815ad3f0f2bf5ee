"""The learned average-link test of a join: claims whose words cannot be compared (other
languages) join when every sampled pair is the same claim by the decision, not only when
their probabilities reach the average-link bar; comparable claims still need the bar."""

from __future__ import annotations

from dataclasses import dataclass

from matching.grouping import AVERAGE_LINK, sample_agrees, words_comparable
from matching.pairs import Relation
from matching.records import record_signatures


@dataclass(frozen=True)
class _Result:
    relation: Relation
    score: float


_SAME_LOW = _Result(Relation.SAME, AVERAGE_LINK - 0.15)
_DIFFERENT = _Result(Relation.DIFFERENT, 0.05)
_CONFLICT = _Result(Relation.CONFLICT, 0.9)


def test_same_claim_below_the_bar_joins_only_where_words_cannot_be_compared() -> None:
    assert sample_agrees([_SAME_LOW, _SAME_LOW], [False, False])
    assert not sample_agrees([_SAME_LOW, _SAME_LOW], [True, False])
    assert not sample_agrees([_SAME_LOW, _DIFFERENT], [False, False])
    assert not sample_agrees([_SAME_LOW, _CONFLICT], [False, False])
    assert sample_agrees([_Result(Relation.SAME, AVERAGE_LINK + 0.1)] * 2, [True, True])


def test_words_comparable_needs_one_covered_language() -> None:
    sigs = record_signatures([
        {"id": "a", "text": "The city council said 40 families were moved out of the flooded district."},
        {"id": "b", "text": "Officials said forty families had left the flooded district by evening."},
        {"id": "c", "text": "Il consiglio comunale ha detto che 40 famiglie sono state evacuate dal quartiere."},
    ])
    assert words_comparable(sigs[0], sigs[1])
    assert not words_comparable(sigs[0], sigs[2])
