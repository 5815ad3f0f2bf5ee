"""Matching a batch of claims larger than the engine's limit on bound values: every IN (…)
list of storage.match_store is cut under the limit (issue #20, point 5)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event, func, select

from bench.bench_matching import generate
from matching.incremental import run_matching
from storage import match_store as store
from storage.models import ClaimGroupMember, ClaimSignature
from storage.schema import open_database
from tests.matching.conftest import store_claims

LIMIT = 60  # bound values per statement; the batch below has far more claims



def _small_limit(db) -> None:
    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)


def _outcome(db) -> list[tuple]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(
            select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id, ClaimGroupMember.score)
            .order_by(ClaimGroupMember.claim_id))]


def test_matching_more_claims_than_bound_values_gives_what_an_unlimited_engine_gives(tmp_path):
    claims = generate(4 * LIMIT, seed=5)
    plain = open_database(tmp_path / "plain.sqlite")
    limited = open_database(tmp_path / "limited.sqlite")
    try:
        _small_limit(limited)
        outcomes = []
        for db in (plain, limited):
            ids = store_claims(db, claims, "limit")
            assert len(ids) > 3 * LIMIT
            run_matching(db, actor="test", only=ids)
            with db.read() as session:
                signed = session.execute(select(func.count()).select_from(ClaimSignature)).scalar_one()
                assert signed == len(ids)
                assert store.unassigned_claims(session, ids) == []
                assert store.rejected_pairs(session, ids) == set()
                assert len(store.claims_by_id(session, ids)) == len(ids)
                words = session.execute(select(ClaimSignature.tokens)).scalars().all()
                tokens = {t for w in words for t in w.split()}
                unknown = {f"zz{k}" for k in range(2 * LIMIT)}  # words no claim has
                assert set(store.token_frequencies(session, tokens | unknown)) == tokens
            outcomes.append(_outcome(db))
        assert outcomes[0] == outcomes[1] and outcomes[0]
    finally:
        plain.dispose()
        limited.dispose()
