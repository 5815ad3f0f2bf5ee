"""Matching in the store: imports are matched incrementally, conflicts recorded, and person
decisions survive later matching runs."""

from __future__ import annotations

from sqlalchemy import func, select

from ingest import document_from_text
from matching.incremental import run_matching
from storage import groups
from storage.match_store import conflicts_of
from storage.models import Claim, ClaimGroup, ClaimGroupMember, GroupConflict
from workflows.importing import store_document

ARTICLES = [
    ("Kyiv Ledger", "Over the past year Russia took only 0.6% more of Ukraine's territory, "
                    "according to the Institute for the Study of War."),
    ("Baltic Wire", "Russian forces seized just 0.6 percent more of Ukrainian land over the past "
                    "year, ISW analysts say."),
    ("Harbour Review", "Over the past year Russia took 1.5% more of Ukraine's territory, "
                       "according to the Institute for the Study of War."),
    ("Prairie Sentinel", "The second Minsk agreement was signed on 12 February 2015 in Belarus."),
]


def _import(db, outlet: str, text: str):
    doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
    return store_document(db, doc, source=outlet, actor="tester")


def _group_of_outlet(session, outlet_title: str) -> int | None:
    from storage.models import Article

    return session.execute(
        select(ClaimGroupMember.group_id)
        .join(Claim, Claim.id == ClaimGroupMember.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .where(Article.title == outlet_title, ClaimGroupMember.decision != "rejected")
    ).scalar_one_or_none()


def test_imports_are_grouped_and_conflicts_flagged(db):
    for outlet, text in ARTICLES:
        assert _import(db, outlet, text).outcome == "imported"
    with db.read() as session:
        ledger = _group_of_outlet(session, "Kyiv Ledger")
        wire = _group_of_outlet(session, "Baltic Wire")
        harbour = _group_of_outlet(session, "Harbour Review")
        minsk = _group_of_outlet(session, "Prairie Sentinel")
        assert ledger is not None and ledger == wire
        assert harbour not in (None, ledger)
        assert minsk not in (None, ledger, harbour)
        pairs = {(c.group_a, c.group_b) for c in conflicts_of(session, ledger)}
        assert tuple(sorted((ledger, harbour))) in pairs
        member = session.execute(
            select(ClaimGroupMember).where(ClaimGroupMember.group_id == ledger,
                                           ClaimGroupMember.decision == "auto",
                                           ClaimGroupMember.explanation.is_not(None))
        ).scalars().first()
        assert member.explanation["figures_agree"]


def test_a_rejected_match_stays_rejected_after_rematching(db):
    for outlet, text in ARTICLES[:2]:
        _import(db, outlet, text)
    with db.read() as session:
        gid = _group_of_outlet(session, "Kyiv Ledger")
        wire_claim = session.execute(
            select(ClaimGroupMember.claim_id).where(ClaimGroupMember.group_id == gid)
            .order_by(ClaimGroupMember.claim_id.desc())
        ).scalars().first()
    with db.write() as session:
        groups.reject_member(session, gid, wire_claim, actor="ana")
    report = run_matching(db, actor="matcher")
    assert report.joined == [] and report.new_groups == []
    with db.read() as session:
        assert groups.group_of_claim(session, wire_claim) != gid
        assert session.execute(select(func.count()).select_from(ClaimGroup)).scalar_one() == 2


def test_matching_twice_changes_nothing(db):
    for outlet, text in ARTICLES:
        _import(db, outlet, text)
    with db.read() as session:
        before = session.execute(select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id)
                                 .order_by(ClaimGroupMember.claim_id)).all()
        conflicts = session.execute(select(func.count()).select_from(GroupConflict)).scalar_one()
    report = run_matching(db, actor="matcher")
    assert (report.signed, report.joined, report.new_groups, report.conflicts) == (0, [], [], [])
    with db.read() as session:
        after = session.execute(select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id)
                                .order_by(ClaimGroupMember.claim_id)).all()
        assert after == before
        assert session.execute(select(func.count()).select_from(GroupConflict)).scalar_one() == conflicts
