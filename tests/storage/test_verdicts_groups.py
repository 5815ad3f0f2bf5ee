"""Claim groups with person decisions, and verdicts with optimistic locking and a workflow."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import groups, verdicts
from storage.articles import NewArticle, NewClaim, add_article
from storage.models import AuditEntry, ClaimGroup, ClaimGroupMember, Evidence
from storage.verdicts import EvidenceItem, InvalidStatusChange, VerdictConflict, VerdictDraft


def _claims(db, n: int = 3) -> list[int]:
    ids = []
    for i in range(n):
        text = f"Outlet {i} says Russia took 0.6% more of Ukraine in a year."
        with db.write() as session:
            aid = add_article(
                session,
                NewArticle(outlet=f"Outlet {i}", text=text, content_hash=f"h{i}"),
                [NewClaim(sentence=text, start=0, end=len(text), category="territory")],
                actor="t",
            )
        with db.read() as session:
            from storage.models import Claim

            ids.append(session.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one())
    return ids


def test_reject_moves_claim_out_and_keeps_the_decision(db):
    a, b, c = _claims(db)
    with db.write() as session:
        gid = groups.create_group(session, [a, b, c], actor="matcher")
    with db.write() as session:
        groups.confirm_member(session, gid, b, actor="ana")
        new_gid = groups.reject_member(session, gid, c, actor="ana")
    with db.read() as session:
        active = {m.claim_id: m.decision for m in groups.active_members(session, gid)}
        assert active == {a: "auto", b: "confirmed"}
        assert groups.group_of_claim(session, c) == new_gid
        rejected = session.execute(
            select(ClaimGroupMember.decision).where(
                ClaimGroupMember.group_id == gid, ClaimGroupMember.claim_id == c)
        ).scalar_one()
        assert rejected == "rejected"
        actions = session.execute(select(AuditEntry.action)).scalars().all()
        assert "match_confirmed" in actions and "match_rejected" in actions


def test_a_claim_cannot_be_active_in_two_groups(db):
    a, b, _ = _claims(db)
    with db.write() as session:
        groups.create_group(session, [a, b], actor="m")
    with pytest.raises(Exception, match="UNIQUE"), db.write() as session:
        groups.create_group(session, [a], actor="m")


def test_merge_moves_members_and_verdict(db):
    a, b, c = _claims(db)
    with db.write() as session:
        g1 = groups.create_group(session, [a], actor="m")
        g2 = groups.create_group(session, [b, c], actor="m")
        verdicts.save_verdict(session, g2, VerdictDraft(rating="true", summary="s"),
                              expected_version=None, actor="ana")
    with db.write() as session:
        groups.merge_groups(session, g1, g2, actor="ana")
    with db.read() as session:
        assert session.get(ClaimGroup, g2) is None
        assert {m.claim_id for m in groups.active_members(session, g1)} == {a, b, c}
        assert verdicts.verdict_for_group(session, g1).rating == "true"


def test_verdict_save_conflict_and_workflow(db):
    (a,) = _claims(db, 1)
    with db.write() as session:
        gid = groups.create_group(session, [a], actor="m")
    draft = VerdictDraft(
        rating=None, summary="Checking", reviewer="ana",
        evidence=[EvidenceItem(title="ISW assessment", url="https://example.org/isw")],
    )
    with db.write() as session:
        v1 = verdicts.save_verdict(session, gid, draft, expected_version=None, actor="ana")
    assert v1 == 1
    # Two people loaded version 1; the first save wins, the second is refused.
    with db.write() as session:
        v2 = verdicts.save_verdict(session, gid, VerdictDraft(rating="false", summary="No",
                                   reviewer="ana"), expected_version=1, actor="ana")
    with pytest.raises(VerdictConflict, match="changed by ana") as info, db.write() as session:
        verdicts.save_verdict(session, gid, VerdictDraft(rating="true", reviewer="bo"),
                              expected_version=1, actor="bo")
    assert info.value.theirs["rating"] == "false"
    with db.read() as session:
        v = verdicts.verdict_for_group(session, gid)
        assert (v.rating, v.version) == ("false", v2)
        assert session.execute(select(Evidence)).first() is None  # replaced by the 2nd save

    with pytest.raises(InvalidStatusChange), db.write() as session:
        verdicts.set_status(session, gid, "published", expected_version=v2, actor="ana")
    version = v2
    for status in ("in_review", "approved", "published"):
        with db.write() as session:
            version = verdicts.set_status(session, gid, status, expected_version=version,
                                          actor="ana")
    with db.read() as session:
        assert verdicts.verdict_for_group(session, gid).status == "published"


def test_unknown_rating_is_refused(db):
    (a,) = _claims(db, 1)
    with db.write() as session:
        gid = groups.create_group(session, [a], actor="m")
    with pytest.raises(ValueError), db.write() as session:
        verdicts.save_verdict(session, gid, VerdictDraft(rating="pants_on_fire"),
                              expected_version=None, actor="ana")
