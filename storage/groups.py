"""Claim groups (the same claim across outlets) and the person decisions on their members.

Confirmed and rejected memberships are person decisions: automatic re-matching must never
undo them, so they are stored as rows (a rejected row stays to keep the claim out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session

from storage import audit
from storage.database import session_in_chunk
from storage.models import Claim, ClaimGroup, ClaimGroupMember, MemberDecision, Verdict, utcnow
from storage.verdicts import restore_verdict, verdict_for_group, verdict_snapshot


def create_group(
    session: Session,
    claim_ids: Sequence[int],
    *,
    actor: str,
    canonical_text: str | None = None,
    category: str | None = None,
    scores: dict[int, float] | None = None,
    explanations: dict[int, dict[str, Any]] | None = None,
    decision: str = MemberDecision.AUTO,
    audit_action: str | None = "group_created",
) -> int:
    """A new group holding ``claim_ids`` (which must not be active in another group)."""
    if not claim_ids:
        raise ValueError("a claim group needs at least one claim")
    first = session.get(Claim, claim_ids[0])
    if first is None:
        raise LookupError(f"claim {claim_ids[0]} does not exist")
    now = utcnow()
    group_id = session.execute(
        insert(ClaimGroup)
        .values(
            canonical_text=canonical_text or first.sentence,
            category=category if category is not None else first.category,
            created_at=now,
            updated_at=now,
        )
        .returning(ClaimGroup.id)
    ).scalar_one()
    decided = decision != MemberDecision.AUTO
    session.execute(
        insert(ClaimGroupMember),
        [
            {
                "group_id": group_id,
                "claim_id": cid,
                "score": (scores or {}).get(cid),
                "decision": decision,
                "explanation": (explanations or {}).get(cid),
                "decided_by": actor if decided else None,
                "decided_at": now if decided else None,
            }
            for cid in claim_ids
        ],
    )
    if audit_action:
        audit.record(session, actor=actor, action=audit_action, entity="claim_group",
                     entity_id=group_id, after={"claims": list(claim_ids)})
    return group_id


@dataclass(frozen=True)
class NewGroup:
    """One group for :func:`create_groups`: its claims, with automatic scores and explanations."""

    claim_ids: Sequence[int]
    scores: dict[int, float] | None = None
    explanations: dict[int, dict[str, Any]] | None = None


def create_groups(session: Session, new_groups: Sequence[NewGroup]) -> list[int]:
    """Many automatic groups at once (the first matching of a large database), with what
    ``create_group`` would store for each, in order, without an audit entry per group: one
    query for the first claims, one insert of the groups and one of their members, instead of
    four statements per group."""
    if not new_groups:
        return []
    if any(not g.claim_ids for g in new_groups):
        raise ValueError("a claim group needs at least one claim")
    firsts = sorted({g.claim_ids[0] for g in new_groups})
    known: dict[int, tuple[str, str | None]] = {}
    size = session_in_chunk(session)
    for k in range(0, len(firsts), size):
        chunk = firsts[k : k + size]
        known.update((cid, (sentence, category)) for cid, sentence, category in session.execute(
            select(Claim.id, Claim.sentence, Claim.category).where(Claim.id.in_(chunk))))
    missing = [cid for cid in firsts if cid not in known]
    if missing:
        raise LookupError(f"claim {missing[0]} does not exist")
    now = utcnow()
    rows = [
        {"canonical_text": known[g.claim_ids[0]][0], "category": known[g.claim_ids[0]][1],
         "created_at": now, "updated_at": now}
        for g in new_groups
    ]
    ids = list(session.execute(
        insert(ClaimGroup).returning(ClaimGroup.id, sort_by_parameter_order=True), rows
    ).scalars())
    members = [
        {"group_id": gid, "claim_id": cid, "score": (g.scores or {}).get(cid),
         "decision": MemberDecision.AUTO, "explanation": (g.explanations or {}).get(cid),
         "decided_by": None, "decided_at": None}
        for gid, g in zip(ids, new_groups, strict=True)
        for cid in g.claim_ids
    ]
    session.connection().execute(ClaimGroupMember.__table__.insert(), members)
    return ids


def active_members(session: Session, group_id: int) -> list[ClaimGroupMember]:
    return list(
        session.execute(
            select(ClaimGroupMember)
            .where(ClaimGroupMember.group_id == group_id,
                   ClaimGroupMember.decision != MemberDecision.REJECTED)
            .order_by(ClaimGroupMember.id)
        ).scalars()
    )


def group_of_claim(session: Session, claim_id: int) -> int | None:
    return session.execute(
        select(ClaimGroupMember.group_id).where(
            ClaimGroupMember.claim_id == claim_id,
            ClaimGroupMember.decision != MemberDecision.REJECTED,
        )
    ).scalar_one_or_none()


def _member(session: Session, group_id: int, claim_id: int) -> ClaimGroupMember:
    member = session.execute(
        select(ClaimGroupMember).where(
            ClaimGroupMember.group_id == group_id, ClaimGroupMember.claim_id == claim_id
        )
    ).scalar_one_or_none()
    if member is None:
        raise LookupError(f"claim {claim_id} is not in claim group {group_id}")
    return member


def _touch(session: Session, group_id: int) -> None:
    session.execute(update(ClaimGroup).where(ClaimGroup.id == group_id).values(updated_at=utcnow()))


def confirm_member(session: Session, group_id: int, claim_id: int, *, actor: str) -> str:
    """A person says: yes, this claim is the same claim as the group's. Returns the decision
    it replaced (for an undo)."""
    member = _member(session, group_id, claim_id)
    before = member.decision
    session.execute(
        update(ClaimGroupMember)
        .where(ClaimGroupMember.id == member.id)
        .values(decision=MemberDecision.CONFIRMED, decided_by=actor, decided_at=utcnow())
    )
    _touch(session, group_id)
    audit.record(session, actor=actor, action="match_confirmed", entity="claim_group",
                 entity_id=group_id, before={"claim": claim_id, "decision": before},
                 after={"claim": claim_id, "decision": "confirmed"})
    return before


def restore_decision(session: Session, group_id: int, claim_id: int, decision: str, *,
                     actor: str) -> None:
    """Put a member's decision back to ``decision`` (the undo of a confirmation)."""
    member = _member(session, group_id, claim_id)
    decided = decision != MemberDecision.AUTO
    session.execute(
        update(ClaimGroupMember).where(ClaimGroupMember.id == member.id)
        .values(decision=decision, decided_by=actor if decided else None,
                decided_at=utcnow() if decided else None))
    _touch(session, group_id)
    audit.record(session, actor=actor, action="match_decision_restored", entity="claim_group",
                 entity_id=group_id, before={"claim": claim_id, "decision": member.decision},
                 after={"claim": claim_id, "decision": decision})


def reject_member(session: Session, group_id: int, claim_id: int, *, actor: str) -> int:
    """A person says: this claim is not the group's claim. It moves to a group of its own
    (returned), and the rejected row keeps re-matching from putting it back."""
    member = _member(session, group_id, claim_id)
    before = member.decision
    session.execute(
        update(ClaimGroupMember)
        .where(ClaimGroupMember.id == member.id)
        .values(decision=MemberDecision.REJECTED, decided_by=actor, decided_at=utcnow())
    )
    new_group = create_group(session, [claim_id], actor=actor, decision=MemberDecision.CONFIRMED,
                             audit_action=None)
    _touch(session, group_id)
    _drop_if_empty(session, group_id)
    audit.record(session, actor=actor, action="match_rejected", entity="claim_group",
                 entity_id=group_id, before={"claim": claim_id, "decision": before},
                 after={"claim": claim_id, "decision": "rejected", "new_group": new_group})
    return new_group


def split_claim(session: Session, group_id: int, claim_id: int, *, actor: str) -> int:
    """Move one claim out into a group of its own; same as rejecting its membership."""
    return reject_member(session, group_id, claim_id, actor=actor)


def move_claim(session: Session, from_group: int, claim_id: int, to_group: int, *,
               actor: str) -> None:
    """A person moves one appearance to another claim group: it leaves ``from_group`` (its row
    stays there, rejected, so re-matching does not put it back) and joins ``to_group`` as
    confirmed. Moving it back is the same call the other way round (the way back of an undo).

    The group's last appearance is not moved: that is a merge of the two groups.
    """
    if from_group == to_group:
        raise ValueError("the claim is already in that claim group")
    if session.get(ClaimGroup, to_group) is None:
        raise LookupError(f"claim group {to_group} does not exist")
    if [m.claim_id for m in active_members(session, from_group)] == [claim_id]:
        raise ValueError("the claim is the group's only appearance: merge the groups instead")
    own = reject_member(session, from_group, claim_id, actor=actor)
    merge_groups(session, to_group, own, actor=actor)


_MEMBER_FIELDS = ("claim_id", "score", "decision", "explanation", "decided_by", "decided_at")


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changed, enough to take it back (:func:`undo_merge`)."""

    target_id: int
    source_id: int
    source_text: str
    source_category: str | None
    source_rows: tuple[dict[str, Any], ...]  # every member row the source group had
    replaced_target_rows: dict[int, dict[str, Any]]  # claim id -> target row it overwrote
    verdict_moved: bool  # the source's verdict became the target's
    dropped_verdict: dict[str, Any] | None  # the source's verdict when the target had one


def _row(member: ClaimGroupMember) -> dict[str, Any]:
    return {k: getattr(member, k) for k in _MEMBER_FIELDS}


def merge_groups(session: Session, target_id: int, source_id: int, *, actor: str) -> MergeRecord:
    """Move every active member of ``source_id`` into ``target_id`` (as confirmed) and drop
    the source group. The target keeps its verdict; a verdict on the source moves over if the
    target has none, else it is kept whole in the audit entry (and restored by an undo)."""
    if target_id == source_id:
        raise ValueError("cannot merge a claim group into itself")
    groups = {gid: session.get(ClaimGroup, gid) for gid in (target_id, source_id)}
    for gid, group in groups.items():
        if group is None:
            raise LookupError(f"claim group {gid} does not exist")
    source = groups[source_id]
    source_rows = session.execute(
        select(ClaimGroupMember).where(ClaimGroupMember.group_id == source_id)
        .order_by(ClaimGroupMember.id)).scalars().all()
    kept = tuple(_row(m) for m in source_rows)
    moved = [m.claim_id for m in source_rows if m.decision != MemberDecision.REJECTED]
    now = utcnow()
    replaced: dict[int, dict[str, Any]] = {}
    # Rows of the source group are removed; a claim that was once rejected from the target
    # gets its old rejected row updated rather than a second row.
    session.execute(delete(ClaimGroupMember).where(ClaimGroupMember.group_id == source_id))
    for cid in moved:
        existing = session.execute(
            select(ClaimGroupMember).where(
                ClaimGroupMember.group_id == target_id, ClaimGroupMember.claim_id == cid
            )
        ).scalar_one_or_none()
        values = {"decision": MemberDecision.CONFIRMED, "decided_by": actor, "decided_at": now}
        if existing is None:
            session.execute(insert(ClaimGroupMember).values(group_id=target_id, claim_id=cid,
                                                            **values))
        else:
            replaced[cid] = _row(existing)
            session.execute(update(ClaimGroupMember).where(ClaimGroupMember.id == existing.id)
                            .values(**values))
    target_verdict = verdict_for_group(session, target_id)
    source_verdict = verdict_for_group(session, source_id)
    dropped = None
    if source_verdict is not None and target_verdict is None:
        session.execute(update(Verdict).where(Verdict.id == source_verdict.id)
                        .values(group_id=target_id))
    elif source_verdict is not None:
        dropped = verdict_snapshot(session, source_verdict)
    record = MergeRecord(target_id, source_id, source.canonical_text, source.category, kept,
                         replaced, source_verdict is not None and target_verdict is None, dropped)
    session.execute(delete(ClaimGroup).where(ClaimGroup.id == source_id))
    _touch(session, target_id)
    audit.record(session, actor=actor, action="groups_merged", entity="claim_group",
                 entity_id=target_id,
                 before={"source": source_id, "dropped_verdict": _jsonable(dropped)},
                 after={"target": target_id, "moved_claims": moved})
    return record


def undo_merge(session: Session, record: MergeRecord, *, actor: str) -> int:
    """Take a merge back: the source group returns (under a new id, returned) with its members
    as they were, the target's rows as they were, and the source's verdict."""
    if session.get(ClaimGroup, record.target_id) is None:
        raise LookupError(f"claim group {record.target_id} does not exist any more")
    claims = [row["claim_id"] for row in record.source_rows
              if row["decision"] != MemberDecision.REJECTED]
    for cid in claims:
        if cid in record.replaced_target_rows:
            old = record.replaced_target_rows[cid]
            session.execute(update(ClaimGroupMember).where(
                ClaimGroupMember.group_id == record.target_id, ClaimGroupMember.claim_id == cid
            ).values(**{k: v for k, v in old.items() if k != "claim_id"}))
        else:
            session.execute(delete(ClaimGroupMember).where(
                ClaimGroupMember.group_id == record.target_id, ClaimGroupMember.claim_id == cid))
    now = utcnow()
    group_id = session.execute(
        insert(ClaimGroup).values(canonical_text=record.source_text,
                                  category=record.source_category, created_at=now,
                                  updated_at=now).returning(ClaimGroup.id)).scalar_one()
    session.execute(insert(ClaimGroupMember),
                    [{**row, "group_id": group_id} for row in record.source_rows])
    if record.verdict_moved:
        session.execute(update(Verdict).where(Verdict.group_id == record.target_id)
                        .values(group_id=group_id))
    elif record.dropped_verdict is not None:
        restore_verdict(session, group_id, record.dropped_verdict)
    _touch(session, record.target_id)
    audit.record(session, actor=actor, action="groups_unmerged", entity="claim_group",
                 entity_id=group_id, before={"target": record.target_id},
                 after={"group": group_id, "claims": claims})
    return group_id


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _drop_if_empty(session: Session, group_id: int) -> None:
    """A group with no active member and no verdict has nothing left to show."""
    if active_members(session, group_id):
        return
    has_verdict = session.execute(
        select(func.count()).select_from(Verdict).where(Verdict.group_id == group_id)
    ).scalar_one()
    if not has_verdict:
        session.execute(delete(ClaimGroup).where(ClaimGroup.id == group_id))
