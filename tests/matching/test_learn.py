"""Learn from my decisions (matching.learn): decisions become labelled pairs, the refit is judged
before/after, stored in the database's settings, used by matching there, and undone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from ingest import document_from_text
from matching import learn
from matching.pair_model import FEATURES, PairModel, default_model
from storage import groups
from storage.decision_pairs import decision_pairs
from storage.models import ClaimGroupMember
from storage.schema import open_location
from storage.settings import get_setting, set_setting
from workflows.importing import store_document
from workflows.samples import load_sample_corpus


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("learn") / "sample.sqlite"
    db = open_location(str(path))
    load_sample_corpus(db)
    db.dispose()
    return path


@pytest.fixture
def sample_db(sample_file: Path, tmp_path: Path):
    path = tmp_path / "db.sqlite"
    shutil.copy(sample_file, path)
    db = open_location(str(path))
    yield db
    db.dispose()


def _members(db) -> dict[int, list[int]]:
    with db.read() as s:
        rows = s.execute(select(ClaimGroupMember.group_id, ClaimGroupMember.claim_id)
                         .where(ClaimGroupMember.decision != "rejected")
                         .order_by(ClaimGroupMember.group_id, ClaimGroupMember.claim_id)).all()
    out: dict[int, list[int]] = {}
    for g, c in rows:
        out.setdefault(g, []).append(c)
    return out


def _decide(db, confirms: int = 14, rejects: int = 5) -> None:
    members = _members(db)
    multi = [g for g in members if len(members[g]) > 1]
    with db.write() as s:
        for g in multi[:confirms]:
            groups.confirm_member(s, g, members[g][-1], actor="tester")
        for g in [g for g in multi if len(members[g]) >= 3][:rejects]:
            groups.reject_member(s, g, members[g][0], actor="tester")


def test_too_few_decisions_are_refused_with_a_sentence(sample_db):
    _decide(sample_db, confirms=4, rejects=1)
    with pytest.raises(learn.NotEnoughDecisions) as refused:
        learn.learn(sample_db, actor="tester")
    text = str(refused.value)
    assert f"at least {learn.MIN_DECISIONS} match decisions" in text
    assert "This database has 5: 4 same-claim and 1 not-the-same." in text
    with sample_db.read() as s:
        assert get_setting(s, learn.LEARNED_WEIGHTS) is None


def test_confirm_reject_and_merge_become_labelled_pairs(sample_db):
    members = _members(sample_db)
    big = next(g for g, cs in members.items() if len(cs) >= 3)
    a, b, *rest = members[big]
    singles = [g for g, cs in members.items() if len(cs) == 1][:2]
    with sample_db.write() as s:
        groups.confirm_member(s, big, a, actor="tester")  # a is the same as b and the rest
        groups.reject_member(s, big, b, actor="tester")  # b is not the claim of the group
        groups.merge_groups(s, singles[0], singles[1], actor="tester")
    with sample_db.read() as s:
        data = decision_pairs(s)
    labels = {(x, y): same for x, y, same in data.pairs}
    for other in rest:
        assert labels[tuple(sorted((a, other)))] is True
        assert labels[tuple(sorted((b, other)))] is False
    assert labels[tuple(sorted((a, b)))] is False  # b was taken out of a's group
    merged = [members[singles[0]][0], members[singles[1]][0]]
    assert labels[tuple(sorted(merged))] is True
    assert data.same_decisions == 1 + 1  # a, and the claim the merge moved (now confirmed)
    assert data.different_decisions == 1
    assert {c.id for c in data.claims} == {x for pair in labels for x in pair}


def test_learning_judges_before_and_after_stores_and_undoes(sample_db):
    _decide(sample_db)
    first = learn.learn(sample_db, actor="tester", store=False)
    again = learn.learn(sample_db, actor="tester", store=False)
    assert first.model.same_weights == again.model.same_weights  # deterministic
    assert first.decisions == 19 and first.pairs > first.decisions
    assert first.cross_validated
    # "before" is the shipped model's decisions on the same pairs, recomputed here.
    with sample_db.read() as s:
        data = decision_pairs(s)
    m = learn.pair_matrix(data)
    shipped = default_model()
    p = 1 / (1 + np.exp(-(m.x @ np.asarray(shipped.same_weights))))
    said = (p >= shipped.same_cutoff) & ~m.contradicts
    truth = m.y > 0
    assert first.before.precision == pytest.approx((said & truth).sum() / max(said.sum(), 1))
    assert first.before.recall == pytest.approx((said & truth).sum() / truth.sum())
    # The conflict model is not learned from decisions.
    assert first.model.slot_weights == shipped.slot_weights
    with sample_db.read() as s:
        assert get_setting(s, learn.LEARNED_WEIGHTS) is None  # store=False stored nothing

    result = learn.learn(sample_db, actor="tester")
    assert result.stored == result.improved == (result.after.f1 >= result.before.f1)
    if not result.stored:  # keep the path below honest whatever the data said
        with sample_db.write() as s:
            set_setting(s, learn.LEARNED_WEIGHTS, json.dumps(result.model.to_json()),
                        actor="tester")
    with sample_db.read() as s:
        used = learn.model_in_use(s)
    assert used.same_weights == pytest.approx(result.model.same_weights, abs=1e-7)
    state = learn.learned_state(sample_db)
    assert state.learned and "19 of your decisions" in state.text()
    assert learn.forget(sample_db, actor="tester")
    assert not learn.forget(sample_db, actor="tester")
    with sample_db.read() as s:
        assert learn.model_in_use(s) is default_model()
    assert learn.learned_state(sample_db).text() == "Matching uses the shipped weights."


def test_cancelled_learning_stores_nothing(sample_db):
    _decide(sample_db)
    with pytest.raises(learn.LearnCancelled):
        learn.learn(sample_db, actor="tester", cancelled=lambda: True)
    with sample_db.read() as s:
        assert get_setting(s, learn.LEARNED_WEIGHTS) is None


def _import(db, outlet: str, text: str) -> None:
    doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
    assert store_document(db, doc, source=outlet, actor="tester").outcome == "imported"


def _group_count(db) -> int:
    with db.read() as s:
        return len({g for (g,) in s.execute(select(ClaimGroupMember.group_id)
                                            .where(ClaimGroupMember.decision != "rejected"))})


PARAPHRASES = (
    ("Kyiv Ledger", "Over the past year Russia took only 0.6% more of Ukraine's territory, "
                    "according to the Institute for the Study of War."),
    ("Baltic Wire", "Russian forces seized just 0.6 percent more of Ukrainian land over the "
                    "past year, ISW analysts say."),
)


def test_matching_on_the_database_uses_its_learned_weights(tmp_path: Path):
    shipped_db = open_location(str(tmp_path / "shipped.sqlite"))
    for outlet, text in PARAPHRASES:
        _import(shipped_db, outlet, text)
    assert _group_count(shipped_db) == 1  # the shipped weights join the two
    shipped_db.dispose()

    db = open_location(str(tmp_path / "learned.sqlite"))
    base = default_model()
    # Weights that never say "same": what matching on this database must now follow.
    never = PairModel(base.same_weights, base.slot_weights, 1.01, base.slot_cutoff, FEATURES)
    with db.write() as s:
        set_setting(s, learn.LEARNED_WEIGHTS, json.dumps(never.to_json()), actor="tester")
    for outlet, text in PARAPHRASES:
        _import(db, outlet, text)
    assert _group_count(db) == 2
    db.dispose()


def test_weights_for_other_features_fall_back_to_the_shipped_ones(sample_db):
    stale = default_model().to_json()
    stale["features"] = [*stale["features"], "a_feature_no_longer_computed"]
    with sample_db.write() as s:
        set_setting(s, learn.LEARNED_WEIGHTS, json.dumps(stale), actor="tester")
    with sample_db.read() as s:
        assert learn.stored_model(s) is None
        assert learn.model_in_use(s) is default_model()
    state = learn.learned_state(sample_db)
    assert state.stale and "until you learn again" in state.text()


def test_fit_toward_stays_at_the_prior_without_evidence_and_follows_it_with():
    prior = np.array([0.5, -1.0, 2.0])
    empty = learn.fit_toward(np.zeros((0, 3)), np.zeros(0), prior)
    assert empty == pytest.approx(prior)
    # Many pairs where the second feature goes with "same": its weight rises from -1.
    x = np.array([[1.0, 1.0, 0.0]] * 40 + [[1.0, 0.0, 0.0]] * 40)
    y = np.array([1.0] * 40 + [0.0] * 40)
    fitted = learn.fit_toward(x, y, prior)
    assert fitted[1] > 1.0
    assert fitted[2] == pytest.approx(prior[2])  # a feature never seen keeps its prior weight


def test_decisions_and_learned_weights_on_every_engine(db):
    """The reads and writes learning needs, on SQLite and PostgreSQL alike."""
    for outlet, text in (*PARAPHRASES,
                         ("Harbour Review", "Over the past year Russia took 0.6% more of "
                                            "Ukraine's territory, the ISW said.")):
        _import(db, outlet, text)
    members = _members(db)
    group, claims = next((g, cs) for g, cs in members.items() if len(cs) == 3)
    with db.write() as s:
        groups.confirm_member(s, group, claims[0], actor="tester")
        groups.reject_member(s, group, claims[2], actor="tester")
    with db.read() as s:
        data = decision_pairs(s)
    assert data.pairs == ((claims[0], claims[1], True), (claims[0], claims[2], False),
                          (claims[1], claims[2], False))
    assert (data.same_decisions, data.different_decisions) == (1, 1)
    assert data.matchable_claims == 3 and data.token_claims
    with pytest.raises(learn.NotEnoughDecisions):
        learn.learn(db, actor="tester")
    model = default_model()
    with db.write() as s:
        set_setting(s, learn.LEARNED_WEIGHTS, json.dumps(model.to_json()), actor="tester")
    with db.read() as s:
        assert learn.stored_model(s).same_weights == pytest.approx(model.same_weights)
    assert learn.forget(db, actor="tester")
    with db.read() as s:
        assert learn.stored_model(s) is None
