"""A group never holds two precise values of one measure that disagree (complete link), on
generated groups, whichever joins the pair decisions propose."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.decide import RULES
from matching.frames import values_contradict
from matching.grouping import cluster, complete_link_ok
from matching.signature import signature

NOUNS = ["villages", "people killed", "drones", "square kilometres", "prisoners"]
QUALIFIERS = ["", "about ", "more than ", "nearly ", "some "]
PLACES = ["the northern district", "the river port", "the border region"]
VALUES = [100, 101, 104, 110, 150, 1000, 1040]

claim = st.tuples(st.sampled_from(NOUNS), st.sampled_from(QUALIFIERS),
                  st.sampled_from(VALUES), st.sampled_from(PLACES), st.booleans())


def sentence(noun: str, qualifier: str, value: int, place: str, passive: bool) -> str:
    if passive:
        return f"Officials said {qualifier}{value:,} {noun} were counted in {place} this week."
    return f"This week {place} reported {qualifier}{value:,} {noun}, officials said."


def assert_invariant(sigs, labels) -> None:
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    for members in groups.values():
        for i, j in itertools.combinations(members, 2):
            assert not values_contradict(sigs[i].frames, sigs[j].frames), (
                sigs[i].text, sigs[j].text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(claim, min_size=2, max_size=14))
def test_no_group_holds_contradicting_precise_values(claims):
    sigs = [signature(i, sentence(*c), date="2025-05-02") for i, c in enumerate(claims)]
    for model in ("learned", RULES):
        result = cluster(sigs, model=model, workers=1)
        assert_invariant(sigs, result.labels)


def test_a_vague_figure_does_not_bridge_two_precise_ones():
    texts = ["Officials said 101 villages were counted in the river port this week.",
             "Officials said about 104 villages were counted in the river port this week.",
             "Officials said 110 villages were counted in the river port this week."]
    sigs = [signature(i, t, date="2025-05-02") for i, t in enumerate(texts)]
    assert not complete_link_ok(sigs, [0, 1], [2])
    result = cluster(sigs, workers=1)
    assert result.labels[0] != result.labels[2]
    assert_invariant(sigs, result.labels)


def test_a_persons_merge_still_wins():
    texts = ["Officials said 101 villages were counted in the river port this week.",
             "Officials said 150 villages were counted in the river port this week."]
    sigs = [signature(i, t, date="2025-05-02") for i, t in enumerate(texts)]
    result = cluster(sigs, must_link=[(0, 1)], workers=1)
    assert result.labels[0] == result.labels[1]
