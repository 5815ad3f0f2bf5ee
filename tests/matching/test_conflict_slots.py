"""Which clashing values make a conflict on real reporting (matching.slot, matching.decide):
claims that differ on every figure they share are two polls or two nights, not a conflict; one
figure misreported beside another that agrees still is one."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.explain import why
from matching.pairs import Relation
from matching.signature import signature


def _pair(a: str, b: str):
    return decide_pair(signature(1, a, date=None), signature(2, b, date=None), idf={})


def test_every_shared_figure_different_is_two_claims_not_a_conflict():
    res = _pair("A survey of city residents found 64% back the new tram line, while 30% "
                "oppose it.",
                "A survey of city residents found 58% back the new tram line, while 35% "
                "oppose it.")
    assert res.relation is Relation.DIFFERENT
    assert res.explanation.get("every_figure_differs") is True
    assert len(res.explanation["figures_differ"]) == 2
    assert "none agrees" in why(res.explanation)
    res = _pair("The regional air defence said the enemy sent 412 drones and 22 missiles in "
                "the night raid.",
                "The regional air defence said the enemy sent 377 drones and 41 missiles in "
                "the night raid.")
    assert res.relation is Relation.DIFFERENT


def test_one_figure_apart_beside_one_that_agrees_stays_a_conflict():
    res = _pair("The regional air defence said the enemy sent 412 drones and 22 missiles in "
                "the night raid.",
                "The regional air defence said the enemy sent 377 drones and 22 missiles in "
                "the night raid.")
    assert res.relation is Relation.CONFLICT
    assert "every_figure_differs" not in res.explanation
