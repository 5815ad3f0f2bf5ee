"""Every IN (…) list and bulk statement of storage/ stays under the engine's limit on bound
values, however low that limit is: a database past ~250,000 claims failed with "too many SQL
variables" after committing (issue #20, point 5). The limit is lowered to 60 here, so a few
hundred rows are "past the limit"."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, func, select

from storage import actions, factchecks, publication
from storage.articles import NewArticle, NewClaim, add_article, claim_ids_of_article
from storage.factcheck_models import ClaimCheckHit
from storage.groups import NewGroup, create_groups
from storage.models import Claim, ClaimGroup, ClaimGroupMember, ClaimStatus
from storage.schema import open_database

LIMIT = 60
ROWS = 5 * LIMIT


@pytest.fixture
def limited(tmp_path):
    """A database whose every connection allows only LIMIT bound values per statement, with
    ROWS claims in one article."""
    db = open_database(tmp_path / "limited.sqlite")

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)

    db.engine.dispose()  # connections opened before the listener get no limit: drop them
    sentences, claims, pos = [], [], 0
    for i in range(ROWS):
        sentence = f"Report {i} says {i + 3} percent of the region is held."
        claims.append(NewClaim(sentence=sentence, start=pos, end=pos + len(sentence),
                               figures=[], score=0.9))
        sentences.append(sentence)
        pos += len(sentence) + 1
    with db.write() as session:
        article = add_article(session, NewArticle(outlet="Limit Post", text=" ".join(sentences),
                                                  content_hash="limit"), claims, actor="test")
    with db.read() as session:
        assert session.connection().connection.dbapi_connection.getlimit(
            sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == LIMIT
        db.claim_ids = claim_ids_of_article(session, article)  # type: ignore[attr-defined]
    yield db
    db.dispose()


def test_many_groups_are_created_at_once(limited):
    ids = limited.claim_ids
    with limited.write() as session:
        groups = create_groups(session, [NewGroup([cid]) for cid in ids])
    assert len(groups) == len(set(groups)) == ROWS
    with limited.read() as session:
        members = dict(session.execute(select(ClaimGroupMember.claim_id,
                                              ClaimGroupMember.group_id)).all())
        texts = dict(session.execute(select(ClaimGroup.id, ClaimGroup.canonical_text)).all())
        sentences = dict(session.execute(select(Claim.id, Claim.sentence)).all())
    assert members == dict(zip(ids, groups, strict=True))
    assert all(texts[members[cid]] == sentences[cid] for cid in ids)


def test_a_status_change_of_many_claims_at_once(limited):
    ids = limited.claim_ids
    before, after = actions.write_statuses(limited, dict.fromkeys(ids, "accepted"),
                                           actor="test")
    assert len(before) == len(after) == ROWS
    with limited.read() as session:
        statuses = set(session.execute(select(Claim.status)).scalars())
    assert statuses == {ClaimStatus.ACCEPTED}


def test_published_versions_and_library_look_ups_of_many_groups_and_claims(limited):
    ids = limited.claim_ids
    with limited.write() as session:
        groups = create_groups(session, [NewGroup([cid]) for cid in ids])
        assert publication.histories(session, groups) == {}
        keys = [f"key-{i}" for i in range(ROWS)]
        assert factchecks.existing_keys(session, keys) == set()
        assert factchecks.entries(session, [f"c{i}" for i in range(ROWS)]
                                  + [f"v{g}" for g in groups]) == {}
        assert factchecks.linked_fact_checks_of(session, groups) == {}
        factchecks.save_check_hits(session, {cid: ("c1", 0.9) for cid in ids})
        factchecks.save_check_hits(session, {}, looked_up=ids)
        left = session.execute(select(func.count()).select_from(ClaimCheckHit)).scalar_one()
    assert left == 0


def test_measures_of_many_claims_at_once(limited):
    """The measures' look-ups, scans and saves cut their IN lists under the limit (they used a
    fixed 500 per list)."""
    from storage.measure_models import MeasureScan
    from workflows.measuring import remeasure_all, update_measures

    update_measures(limited, only=limited.claim_ids)
    remeasure_all(limited)
    with limited.read() as session:
        scanned = session.execute(select(func.count()).select_from(MeasureScan)).scalar_one()
    assert scanned == ROWS
