"""Storing articles and claims, user actions with their audit entries, search and backups."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage import claims as claim_ops
from storage.articles import NewArticle, NewClaim, add_article, article_by_hash, counts
from storage.backup import backup_to, list_backups, make_backup
from storage.models import Article, AuditEntry, Claim, ClaimStatus, Outlet
from storage.search import fts_query, search_article_ids, search_claim_ids

TEXT_EN = (
    "Russian forces gained about 110 square miles in the past month. "
    "The second Minsk agreement was signed on 12 February 2015."
)
TEXT_UK = "Мінськ-2 підписали 12 лютого 2015 року. Київ заявив, що Росія окупувала близько 18% території."


def _article(text: str, outlet: str = "Sample: Test Ledger", digest: str | None = None) -> NewArticle:
    return NewArticle(outlet=outlet, text=text, content_hash=digest or str(hash(text)), title="T")


def _claims_for(text: str) -> list[NewClaim]:
    """One claim per sentence, offsets computed from the text itself."""
    out, start = [], 0
    for part in text.split(". "):
        sentence = part if part.endswith(".") else part + "."
        begin = text.index(sentence[:-1], start)
        end = begin + len(sentence)
        out.append(NewClaim(sentence=text[begin:end], start=begin, end=end, category="territory",
                            figures=[{"text": "18%", "value": 18.0, "unit": "percent",
                                      "kind": "percent"}], cues=["figure: 18%"]))
        start = end
    return out


def _add(db, text: str, **kw) -> int:
    with db.write() as session:
        return add_article(session, _article(text, **kw), _claims_for(text), actor="tester")


def test_add_article_stores_claims_outlet_and_audit_entry(db):
    article_id = _add(db, TEXT_EN)
    with db.read() as session:
        article = session.get(Article, article_id)
        assert article is not None
        outlet = session.get(Outlet, article.outlet_id)
        assert outlet.name == "Sample: Test Ledger"
        stored = session.execute(select(Claim).where(Claim.article_id == article_id)).scalars().all()
        assert [c.sentence for c in stored] == [c.sentence for c in _claims_for(TEXT_EN)]
        for c in stored:
            assert TEXT_EN[c.start : c.end] == c.sentence
            assert c.status == ClaimStatus.PROPOSED
            assert c.figures[0]["unit"] == "percent"
            assert c.created_at is not None
        entries = session.execute(select(AuditEntry)).scalars().all()
        assert [(e.action, e.entity_id, e.actor) for e in entries] == [
            ("import_article", article_id, "tester")
        ]
        assert counts(session)["claims"] == 2


def test_same_outlet_is_reused_and_same_text_cannot_be_stored_twice(db):
    _add(db, TEXT_EN, digest="same")
    with pytest.raises(IntegrityError), db.write() as session:
        add_article(session, _article("other text", digest="same"), [], actor="tester")
    _add(db, TEXT_UK, digest="other")
    with db.read() as session:
        assert counts(session) == {"outlets": 1, "articles": 2, "claims": 4, "groups": 0,
                                   "verdicts": 0}
        assert article_by_hash(session, "same") is not None


def test_failed_write_leaves_nothing_behind(db):
    with pytest.raises(RuntimeError), db.write() as session:
        add_article(session, _article(TEXT_EN), _claims_for(TEXT_EN), actor="tester")
        raise RuntimeError("crash after the insert, before commit")
    with db.read() as session:
        assert counts(session)["articles"] == 0
        assert session.execute(select(AuditEntry)).first() is None


def test_full_text_search_finds_cyrillic_and_latin(db):
    _add(db, TEXT_EN, digest="en")
    _add(db, TEXT_UK, digest="uk")
    with db.read() as session:
        hits = search_claim_ids(session, "київ")
        assert len(hits) == 1
        assert "Київ" in session.get(Claim, hits[0]).sentence
        assert len(search_claim_ids(session, "Мінськ")) == 1
        assert len(search_claim_ids(session, "square mil")) == 1  # prefix match
        assert search_claim_ids(session, "Minsk Kharkiv") == []  # every word must match
        assert len(search_article_ids(session, "лютого")) == 1


@pytest.mark.parametrize("typed", ['"', "AND", "NEAR(", "a*b -c", "'; DROP TABLE claim; --"])
def test_search_input_is_never_query_syntax(db, typed):
    _add(db, TEXT_EN)
    with db.read() as session:
        search_claim_ids(session, typed)  # must not raise an FTS5 syntax error
    assert fts_query("   ") is None


def test_accept_reject_are_audited_and_idempotent(db):
    _add(db, TEXT_EN)
    with db.read() as session:
        ids = list(session.execute(select(Claim.id)).scalars())
    with db.write() as session:
        assert claim_ops.set_status(session, ids, "accepted", actor="ana") == 2
    with db.write() as session:
        assert claim_ops.set_status(session, ids[:1], "accepted", actor="ana") == 0
        assert claim_ops.set_status(session, ids[:1], "rejected", actor="ana") == 1
    with db.read() as session:
        statuses = dict(session.execute(select(Claim.id, Claim.status)).all())
        assert statuses == {ids[0]: "rejected", ids[1]: "accepted"}
        log = session.execute(
            select(AuditEntry.action, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.entity == "claim").order_by(AuditEntry.id)
        ).all()
        assert [a for a, _, _ in log] == ["claim_accepted", "claim_accepted", "claim_rejected"]
        assert log[-1][1] == {"status": "accepted"} and log[-1][2] == {"status": "rejected"}


def test_edit_keeps_before_and_after_and_search_follows(db):
    _add(db, TEXT_EN)
    with db.read() as session:
        claim_id = session.execute(select(Claim.id)).scalars().first()
    with db.write() as session:
        claim_ops.edit(session, claim_id, {"claimant": "Institute for the Study of War"},
                       actor="ana")
    with db.read() as session:
        entry = session.execute(
            select(AuditEntry).where(AuditEntry.action == "claim_edited")
        ).scalar_one()
        assert entry.before == {"claimant": None}
        assert entry.after == {"claimant": "Institute for the Study of War"}
        assert search_claim_ids(session, "institute") == [claim_id]
    with pytest.raises(ValueError, match="not editable"), db.write() as session:
        claim_ops.edit(session, claim_id, {"article_id": 5}, actor="ana")


def test_manual_claim_must_match_the_article_text(db):
    article_id = _add(db, TEXT_EN)
    start = TEXT_EN.index("110 square miles")
    good = NewClaim(sentence="110 square miles", start=start, end=start + 16)
    with db.write() as session:
        claim_id = claim_ops.add_manual(session, article_id, good, actor="ana")
    with db.read() as session:
        claim = session.get(Claim, claim_id)
        assert (claim.origin, claim.status) == ("manual", "accepted")
    bad = NewClaim(sentence="120 square miles", start=start, end=start + 16)
    with pytest.raises(ValueError, match="does not match"), db.write() as session:
        claim_ops.add_manual(session, article_id, bad, actor="ana")


@pytest.mark.sqlite_only
def test_backup_is_a_consistent_copy_including_uncheckpointed_wal(db, tmp_path):
    _add(db, TEXT_UK)  # committed, still in the -wal file
    dest = backup_to(db.path, tmp_path / "copy.sqlite")
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT count(*) FROM claim").fetchone() == (2,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    with pytest.raises(FileExistsError):
        backup_to(db.path, dest)


@pytest.mark.sqlite_only
def test_backups_rotate(db):
    made = [make_backup(db.path, "test", keep=3) for _ in range(5)]
    kept = list_backups(db.path)
    assert len(kept) == 3
    assert kept == sorted(made[-3:], reverse=True)
