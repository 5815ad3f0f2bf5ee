"""The slot model is fitted only on the pairs that reach the slot decision
(matching.slot_stage, matching.fit_pair_model), on features that do not look at the values.
Sentences written for this test."""

from __future__ import annotations

import numpy as np

from matching import fit_pair_model
from matching.decide import decide_pair
from matching.pair_model import FEATURES, VALUE_FEATURES, default_model, fit_logistic, pair_features
from matching.signature import signature
from matching.slot_stage import reaches_slot_stage


def _pair(a_text: str, b_text: str, date: str = "2031-06-02"):
    a, b = signature(1, a_text, date=date), signature(2, b_text, date=date)
    return a, b, pair_features(a, b, {}, 1.0)


def test_a_clash_in_one_slot_reaches_the_slot_decision():
    a, b, pf = _pair("The ferry board said 212 passengers were rescued from the Blue Heron.",
                     "The ferry board said 221 passengers were rescued from the Blue Heron.")
    assert pf.contradictions
    assert reaches_slot_stage(a, b, pf, {}, 1.0)
    assert "frames_differ" in decide_pair(a, b, idf={}).explanation


def test_pairs_the_rules_decide_first_never_reach_it():
    # No values apart at all.
    a, b, pf = _pair("The ferry board said 212 passengers were rescued from the Blue Heron.",
                     "The ferry board said 212 passengers were rescued from the Blue Heron.")
    assert not reaches_slot_stage(a, b, pf, {}, 1.0)
    # Every figure apart and none agreeing: two events, decided before the slot model.
    a, b, pf = _pair("The poll found 61% for the bridge and 30% against it.",
                     "The poll found 55% for the bridge and 41% against it.")
    assert pf.contradictions
    assert not reaches_slot_stage(a, b, pf, {}, 1.0)


def test_the_slot_model_is_fitted_on_reached_pairs_only():
    rng = np.random.default_rng(3)
    n, d = 400, len(FEATURES)
    x = np.zeros((n, d))
    x[:, 0] = 1.0
    clash = FEATURES.index("clash_closeness")
    overlap = FEATURES.index("idf_overlap")
    x[:, clash] = rng.random(n)
    x[:, overlap] = rng.random(n)
    x[:, FEATURES.index("value_conflicts")] = 1.0
    same = np.zeros(n)
    reached = np.arange(n) % 3 == 0
    truth = (x[:, clash] > 0.5).astype(float)
    # Pairs the slot decision never sees carry no slot label, and every pair's values clash:
    # the older fit on every clashing pair would have taken them all in.
    slot = np.where(reached, truth, fit_pair_model.UNREACHED)
    pairs = [(2 * k, 2 * k + 1) for k in range(n)]
    folds = [k % 4 for k in range(2 * n)]
    model = fit_pair_model.fit_matrix(x, same, slot, pairs, folds)
    mask = np.asarray([1.0 if f in fit_pair_model.SLOT_FEATURES else 0.0 for f in FEATURES])
    expected = fit_logistic((x * mask)[reached], truth[reached], l2=fit_pair_model.SLOT_L2)
    assert np.allclose(model.slot_weights, expected)
    assert model.slot_weights[clash] > 0
    assert model.meta["slot_pairs"] == int(reached.sum())


def test_the_slot_model_reads_no_value_feature():
    assert not set(fit_pair_model.SLOT_FEATURES) & VALUE_FEATURES
    assert set(fit_pair_model.SLOT_FEATURES) <= set(FEATURES)
    shipped = default_model()
    for name, w in zip(FEATURES, shipped.slot_weights, strict=True):
        if name not in fit_pair_model.SLOT_FEATURES:
            assert w == 0.0, name
