"""Matching an import's claims together (a few queries for the whole batch) decides what
matching them one run at a time decides; bounded key counts give the exact candidates."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from bench.bench_matching import generate
from matching.grouping import key_weight
from matching.incremental import index_claims, run_matching
from storage.match_store import candidates, candidates_many, key_sizes
from storage.models import ClaimGroupMember, ClaimMatchKey, GroupConflict
from storage.schema import open_database
from tests.matching.conftest import store_claims


def _database(path):
    claims = generate(460, seed=11)
    db = open_database(path)
    store_claims(db, claims[:400], "old")
    run_matching(db, actor="test")
    new_ids = store_claims(db, claims[400:], "new")
    index_claims(db)
    return db, new_ids


def _decisions(db, ids):
    with db.read() as session:
        members = session.execute(
            select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id, ClaimGroupMember.score,
                   ClaimGroupMember.explanation)
            .where(ClaimGroupMember.claim_id.in_(ids)).order_by(ClaimGroupMember.claim_id)
        ).all()
        conflicts = set(session.execute(select(GroupConflict.group_a, GroupConflict.group_b)).all())
    return [tuple(m) for m in members], conflicts


def test_a_batch_decides_what_one_claim_at_a_time_decides(tmp_path):
    batch_db, new_ids = _database(tmp_path / "batch.sqlite")
    single_db, same_ids = _database(tmp_path / "single.sqlite")
    assert new_ids == same_ids
    report = run_matching(batch_db, actor="test", only=new_ids)
    joined = new = 0
    for claim_id in new_ids:
        one = run_matching(single_db, actor="test", only=[claim_id])
        joined, new = joined + len(one.joined), new + len(one.new_groups)
    assert (len(report.joined), len(report.new_groups)) == (joined, new)
    assert report.joined and report.new_groups  # both paths really taken
    # Some claims of the batch join groups started earlier in the same batch.
    batch_groups = set(report.new_groups)
    assert any(group in batch_groups for _claim, group in report.joined)
    assert _decisions(batch_db, new_ids) == _decisions(single_db, new_ids)
    batch_db.dispose()
    single_db.dispose()


def test_key_counts_are_exact_up_to_the_cap_and_candidates_match_a_plain_count(db):
    ids = store_claims(db, generate(300, seed=5), "k")
    index_claims(db)
    with db.read() as session:
        exact = dict(session.execute(
            select(ClaimMatchKey.key, func.count()).group_by(ClaimMatchKey.key)).all())
        keys = sorted(exact) + ["no-such-key"]
        capped = key_sizes(session, keys, cap=4)
        assert capped == {k: min(n, 4) for k, n in exact.items()}
        assert max(exact.values()) > 4 and min(exact.values()) < 4  # the cap matters
        holders = defaultdict(list)
        for key, claim_id in session.execute(select(ClaimMatchKey.key, ClaimMatchKey.claim_id)):
            holders[key].append(claim_id)
        per_claim = defaultdict(list)
        for key, claim_id, weight in session.execute(
                select(ClaimMatchKey.key, ClaimMatchKey.claim_id, ClaimMatchKey.weight)):
            per_claim[claim_id].append((key, weight))
        queries = [per_claim[i] for i in ids[:40]] + [[], [("no-such-key", 3)]]
        got = candidates_many(session, queries, bucket_cap=3, weigh=key_weight)
        for keys_of_claim, found in zip(queries, got, strict=True):
            expected: dict[int, int] = defaultdict(int)
            for key, weight in dict(keys_of_claim).items():
                if 0 < exact.get(key, 0) <= 3:
                    for claim_id in holders[key]:
                        expected[claim_id] += key_weight(weight, exact[key] + 1)
            assert found == expected
            assert candidates(session, keys_of_claim, bucket_cap=3, weigh=key_weight) == found
        assert any(got)


def _index_rows(db):
    from storage.models import ClaimSignature, TokenFrequency

    with db.read() as session:
        return (
            session.execute(select(ClaimSignature.claim_id, ClaimSignature.tokens,
                                   ClaimSignature.entities, ClaimSignature.version)
                            .order_by(ClaimSignature.claim_id)).all(),
            session.execute(select(ClaimMatchKey.key, ClaimMatchKey.claim_id, ClaimMatchKey.weight)
                            .order_by(ClaimMatchKey.key, ClaimMatchKey.claim_id)).all(),
            session.execute(select(TokenFrequency.token, TokenFrequency.claims)
                            .order_by(TokenFrequency.token)).all(),
        )


def test_indexing_on_worker_processes_stores_what_indexing_here_stores(tmp_path, monkeypatch):
    from matching import incremental, parallel

    claims = generate(300, seed=8)
    here, there = open_database(tmp_path / "here.sqlite"), open_database(tmp_path / "there.sqlite")
    store_claims(here, claims, "i")
    store_claims(there, claims, "i")
    monkeypatch.setattr(incremental, "SIGNATURE_BATCH", 70)  # several batches, one pool
    monkeypatch.setattr(incremental, "PARALLEL_INDEX", 1_000_000)
    assert index_claims(here) == 300
    pools = []
    real = parallel.fork_pool

    def counting(*args):
        pool = real(*args)
        pools.append(pool)
        return pool

    monkeypatch.setattr(incremental, "PARALLEL_INDEX", 50)
    monkeypatch.setattr(incremental, "fork_pool", counting)
    assert index_claims(there) == 300
    assert len(pools) == 1 and pools[0] is not None  # forked once, used for every batch
    assert _index_rows(there) == _index_rows(here)
    assert len(_index_rows(here)[1]) > 1000
    here.dispose()
    there.dispose()


def test_a_common_key_degrades_to_rarer_keys_and_stays_bounded(db):
    """Over the cap, a key no longer vanishes: its weight goes to the holders that also hold
    one of the claim's rarer keys, or (no rarer key) to its newest holders, at most ``recent``."""
    from bench.generated_sets import labelled_set

    store_claims(db, labelled_set("repetitive", 300, seed=5), "d")
    index_claims(db)
    with db.read() as session:
        exact = dict(session.execute(
            select(ClaimMatchKey.key, func.count()).group_by(ClaimMatchKey.key)).all())
        holders = defaultdict(set)
        for key, claim_id in session.execute(select(ClaimMatchKey.key, ClaimMatchKey.claim_id)):
            holders[key].add(claim_id)
        common = max(exact, key=lambda k: (exact[k], k))
        cap = 4
        rarer = sorted((k for k, n in exact.items() if 2 <= n <= cap), key=lambda k: (exact[k], k))
        rare = next(k for k in rarer if holders[k] & holders[common])
        query = [(common, 2), (rare, 1)]
        plain = candidates_many(session, [query], bucket_cap=cap, weigh=key_weight)[0]
        degraded = candidates_many(session, [query], bucket_cap=cap, weigh=key_weight,
                                   refine_keys=2, recent=3)[0]
        both = holders[common] & holders[rare]
        assert set(plain) == holders[rare]  # the common key said nothing
        for claim_id in holders[rare]:
            assert degraded[claim_id] == plain[claim_id] + (2 if claim_id in both else 0)
        # A claim whose only key is common meets the newest holders, no more than ``recent``.
        alone = candidates_many(session, [[(common, 2)]], bucket_cap=cap, weigh=key_weight,
                                refine_keys=2, recent=3)[0]
        assert alone == {c: 2 for c in sorted(holders[common])[-3:]}
        assert candidates_many(session, [[(common, 2)]], bucket_cap=cap, weigh=key_weight)[0] == {}
