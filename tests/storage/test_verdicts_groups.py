"""Claim groups with person decisions, and verdicts with optimistic locking and a workflow."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

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
    with pytest.raises(IntegrityError, match="(?i)unique"), db.write() as session:
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


def _members(session, gid: int) -> dict[int, str]:
    return dict(session.execute(select(ClaimGroupMember.claim_id, ClaimGroupMember.decision)
                                .where(ClaimGroupMember.group_id == gid)).all())


def test_undo_of_a_merge_brings_the_group_back_with_its_decisions_and_verdict(db):
    a, b, c, d = _claims(db, 4)
    with db.write() as session:
        g1 = groups.create_group(session, [a, d], actor="m")
        g2 = groups.create_group(session, [b, c], actor="m")
        groups.confirm_member(session, g2, b, actor="ana")
        verdicts.save_verdict(session, g1, VerdictDraft(rating="false", summary="Target's"),
                              expected_version=None, actor="ana")
        verdicts.save_verdict(session, g2, VerdictDraft(
            rating="true", summary="Source's",
            evidence=[EvidenceItem(title="ISW", url="https://example.org/isw")]),
            expected_version=None, actor="bo")
        # c was once rejected from g1: the merge updates that row, the undo restores it.
        session.add(ClaimGroupMember(group_id=g1, claim_id=c, decision="rejected",
                                     decided_by="ana"))
    with db.read() as session:
        before_g1, before_g2 = _members(session, g1), _members(session, g2)
    with db.write() as session:
        record = groups.merge_groups(session, g1, g2, actor="ana")
    with db.read() as session:
        assert _members(session, g1) == {a: "auto", d: "auto", b: "confirmed", c: "confirmed"}
        # Both groups had a verdict: the target's stays, the source's is in the audit entry.
        assert verdicts.verdict_for_group(session, g1).summary == "Target's"
        entry = session.execute(select(AuditEntry).where(
            AuditEntry.action == "groups_merged")).scalar_one()
        assert entry.before["dropped_verdict"]["summary"] == "Source's"
    with db.write() as session:
        back = groups.undo_merge(session, record, actor="ana")
    with db.read() as session:
        assert _members(session, g1) == before_g1
        assert _members(session, back) == before_g2
        assert verdicts.verdict_for_group(session, g1).summary == "Target's"
        restored = verdicts.verdict_for_group(session, back)
        assert (restored.rating, restored.summary) == ("true", "Source's")
        assert [e.title for e in verdicts.evidence_for(session, restored.id)] == ["ISW"]


def test_undo_of_a_merge_moves_a_moved_verdict_back(db):
    a, b = _claims(db, 2)
    with db.write() as session:
        g1 = groups.create_group(session, [a], actor="m")
        g2 = groups.create_group(session, [b], actor="m")
        verdicts.save_verdict(session, g2, VerdictDraft(rating="true", summary="s"),
                              expected_version=None, actor="ana")
    with db.write() as session:
        record = groups.merge_groups(session, g1, g2, actor="ana")
    with db.write() as session:
        back = groups.undo_merge(session, record, actor="ana")
    with db.read() as session:
        assert verdicts.verdict_for_group(session, g1) is None
        assert verdicts.verdict_for_group(session, back).summary == "s"
        assert _members(session, back) == {b: "auto"}


def test_a_confirmation_can_be_taken_back(db):
    a, b = _claims(db, 2)
    with db.write() as session:
        gid = groups.create_group(session, [a, b], actor="m")
        assert groups.confirm_member(session, gid, b, actor="ana") == "auto"
        groups.restore_decision(session, gid, b, "auto", actor="ana")
    with db.read() as session:
        member = session.execute(select(ClaimGroupMember).where(
            ClaimGroupMember.group_id == gid, ClaimGroupMember.claim_id == b)).scalar_one()
        assert (member.decision, member.decided_by) == ("auto", None)


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
        v2 = verdicts.save_verdict(session, gid, VerdictDraft(
            rating="false", summary="No", rationale="The map says otherwise.", reviewer="ana",
            evidence=[EvidenceItem(title="Map", url="https://example.org/map")]),
            expected_version=1, actor="ana")
    with pytest.raises(VerdictConflict, match="changed by ana") as info, db.write() as session:
        verdicts.save_verdict(session, gid, VerdictDraft(rating="true", reviewer="bo"),
                              expected_version=1, actor="bo")
    assert info.value.theirs["rating"] == "false"
    with db.read() as session:
        v = verdicts.verdict_for_group(session, gid)
        assert (v.rating, v.version) == ("false", v2)
        assert [e.title for e in session.execute(select(Evidence)).scalars()] == ["Map"]

    with pytest.raises(InvalidStatusChange), db.write() as session:
        verdicts.set_status(session, gid, "published", expected_version=v2, actor="ana")
    version = v2
    for status, who in (("in_review", "ana"), ("approved", "bo"), ("published", "ana")):
        with db.write() as session:
            version = verdicts.set_status(session, gid, status, expected_version=version,
                                          actor=who)
    with db.read() as session:
        assert verdicts.verdict_for_group(session, gid).status == "published"


def test_unknown_rating_is_refused(db):
    (a,) = _claims(db, 1)
    with db.write() as session:
        gid = groups.create_group(session, [a], actor="m")
    with pytest.raises(ValueError), db.write() as session:
        verdicts.save_verdict(session, gid, VerdictDraft(rating="pants_on_fire"),
                              expected_version=None, actor="ana")


def test_move_a_claim_to_another_group_and_back(db):
    a, b, c, d = _claims(db, 4)
    with db.write() as session:
        first = groups.create_group(session, [a, b], actor="matcher")
        second = groups.create_group(session, [c, d], actor="matcher")
    with db.write() as session:
        groups.move_claim(session, first, b, second, actor="ana")
    with db.read() as session:
        assert [m.claim_id for m in groups.active_members(session, first)] == [a]
        moved = {m.claim_id: m.decision for m in groups.active_members(session, second)}
        # The row left behind keeps re-matching from putting it back into the first group.
        left = session.execute(select(ClaimGroupMember.decision).where(
            ClaimGroupMember.group_id == first, ClaimGroupMember.claim_id == b)).scalar_one()
    assert moved == {c: "auto", d: "auto", b: "confirmed"} and left == "rejected"

    with db.write() as session:  # the way back (an undo): the same call the other way round
        groups.move_claim(session, second, b, first, actor="ana")
    with db.read() as session:
        assert {m.claim_id for m in groups.active_members(session, first)} == {a, b}
        assert {m.claim_id for m in groups.active_members(session, second)} == {c, d}
        assert groups.group_of_claim(session, b) == first

    with db.write() as session, pytest.raises(ValueError):
        groups.move_claim(session, first, b, first, actor="ana")
    with db.write() as session:
        lone = groups.reject_member(session, first, a, actor="ana")
    with db.write() as session, pytest.raises(ValueError, match="merge"):
        groups.move_claim(session, lone, a, second, actor="ana")
    with db.write() as session, pytest.raises(LookupError):
        groups.move_claim(session, first, b, 10_000, actor="ana")
