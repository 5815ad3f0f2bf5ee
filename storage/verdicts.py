"""Verdicts on claim groups: save with optimistic locking, evidence, the status workflow."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from storage import audit, verdict_rules
from storage.errors import StorageError
from storage.models import ClaimGroup, Evidence, Rating, Verdict, VerdictStatus, utcnow
from storage.publication import record_publication
from storage.verdict_rules import InvalidStatusChange

__all__ = ["InvalidStatusChange"]

RATING_LABELS: dict[str, str] = {
    Rating.TRUE: "True",
    Rating.MOSTLY_TRUE: "Mostly true",
    Rating.HALF_TRUE: "Half true",
    Rating.MISLEADING: "Misleading",
    Rating.MOSTLY_FALSE: "Mostly false",
    Rating.FALSE: "False",
    Rating.UNVERIFIABLE: "Unverifiable",
}

STATUS_LABELS: dict[str, str] = {
    VerdictStatus.DRAFT: "Draft",
    VerdictStatus.IN_REVIEW: "In review",
    VerdictStatus.APPROVED: "Approved",
    VerdictStatus.PUBLISHED: "Published",
}

# draft → in review → approved → published; any step may go back to draft for corrections.
ALLOWED_STATUS_CHANGES: dict[str, frozenset[str]] = {
    VerdictStatus.DRAFT: frozenset({VerdictStatus.IN_REVIEW}),
    VerdictStatus.IN_REVIEW: frozenset({VerdictStatus.APPROVED, VerdictStatus.DRAFT}),
    VerdictStatus.APPROVED: frozenset({VerdictStatus.PUBLISHED, VerdictStatus.DRAFT}),
    VerdictStatus.PUBLISHED: frozenset({VerdictStatus.DRAFT}),
}


class VerdictConflict(StorageError):
    """Someone else saved this verdict since it was loaded; their values are attached."""

    def __init__(self, group_id: int, theirs: dict[str, object]) -> None:
        super().__init__(
            f"The verdict on claim group {group_id} was changed by "
            f"{theirs.get('reviewer') or 'someone else'} since you opened it; "
            "your edit was not saved. Reload to see their version."
        )
        self.group_id = group_id
        self.theirs = theirs


@dataclass
class EvidenceItem:
    title: str
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    quote: str | None = None
    note: str | None = None


@dataclass
class VerdictDraft:
    rating: str | None = None
    summary: str = ""
    rationale: str = ""
    reviewer: str | None = None
    evidence: list[EvidenceItem] = field(default_factory=list)


def verdict_snapshot(session: Session, verdict: Verdict) -> dict[str, object]:
    evidence = session.execute(
        select(Evidence).where(Evidence.verdict_id == verdict.id).order_by(Evidence.position)
    ).scalars()
    return {
        "rating": verdict.rating,
        "summary": verdict.summary,
        "rationale": verdict.rationale,
        "reviewer": verdict.reviewer,
        "author": verdict.author,
        "status": verdict.status,
        "version": verdict.version,
        "evidence": [
            {k: getattr(e, k) for k in ("title", "publisher", "url", "published", "quote", "note")}
            for e in evidence
        ],
    }


def restore_verdict(session: Session, group_id: int, snapshot: dict[str, Any]) -> int:
    """Recreate a verdict from :func:`verdict_snapshot` on ``group_id`` (the undo of a merge
    that set it aside); returns its id. Its version starts again at 1."""
    verdict_id = session.execute(insert(Verdict).values(
        group_id=group_id, rating=snapshot["rating"], summary=snapshot["summary"],
        rationale=snapshot["rationale"], reviewer=snapshot["reviewer"],
        author=snapshot.get("author"), status=snapshot["status"], version=1, created_at=utcnow(), updated_at=utcnow(),
    ).returning(Verdict.id)).scalar_one()
    evidence = snapshot.get("evidence") or []
    if evidence:
        session.execute(insert(Evidence), [
            {**item, "verdict_id": verdict_id, "position": n} for n, item in enumerate(evidence)])
    return verdict_id


def verdict_for_group(session: Session, group_id: int) -> Verdict | None:
    return session.execute(select(Verdict).where(Verdict.group_id == group_id)).scalar_one_or_none()


def evidence_for(session: Session, verdict_id: int) -> list[Evidence]:
    return list(
        session.execute(
            select(Evidence).where(Evidence.verdict_id == verdict_id).order_by(Evidence.position)
        ).scalars()
    )


def save_verdict(
    session: Session,
    group_id: int,
    draft: VerdictDraft,
    *,
    expected_version: int | None,
    actor: str,
    reason: str | None = None,
) -> int:
    """Create or update the verdict on a group; returns its new version.

    ``expected_version`` is the version the editor loaded (None for a new verdict). If the
    stored one moved on meanwhile, VerdictConflict is raised and nothing is written. Changing
    what a published verdict says is a correction: it needs ``reason`` and is published at once
    as a new version (see storage.verdict_rules).
    """
    if draft.rating is not None:
        Rating(draft.rating)  # raises ValueError on an unknown rating
    if session.get(ClaimGroup, group_id) is None:
        raise LookupError(f"claim group {group_id} does not exist")
    current = verdict_for_group(session, group_id)
    now = utcnow()
    if current is None:
        if expected_version is not None:
            raise VerdictConflict(group_id, {"reviewer": None, "deleted": True})
        before = None
        verdict_id = session.execute(
            insert(Verdict)
            .values(
                group_id=group_id, rating=draft.rating, summary=draft.summary,
                rationale=draft.rationale, reviewer=draft.reviewer, status=VerdictStatus.DRAFT,
                author=actor, version=1, created_at=now, updated_at=now,
            )
            .returning(Verdict.id)
        ).scalar_one()
        new_version = 1
        correcting = False
    else:
        if expected_version != current.version:
            raise VerdictConflict(group_id, verdict_snapshot(session, current))
        before = verdict_snapshot(session, current)
        correcting = (current.status == VerdictStatus.PUBLISHED
                      and verdict_rules.content_changed(before, draft))
        if correcting:
            verdict_rules.check_correction(session, current, draft, reason)
        verdict_id = current.id
        new_version = current.version + 1
        # The version test in the WHERE makes the check-and-write atomic across writers.
        result = session.execute(
            update(Verdict)
            .where(Verdict.id == verdict_id, Verdict.version == current.version)
            .values(
                rating=draft.rating, summary=draft.summary, rationale=draft.rationale,
                reviewer=draft.reviewer, version=new_version, updated_at=now,
                author=actor if before is None or verdict_rules.content_changed(before, draft)
                else current.author,
            )
        )
        if result.rowcount != 1:
            raise VerdictConflict(group_id, verdict_snapshot(session, current))
        session.execute(delete(Evidence).where(Evidence.verdict_id == verdict_id))
    if draft.evidence:
        session.execute(
            insert(Evidence),
            [dict(asdict(e), verdict_id=verdict_id, position=i) for i, e in enumerate(draft.evidence)],
        )
    after = asdict(draft)
    after["version"] = new_version
    audit.record(
        session, actor=actor, action="verdict_saved", entity="verdict", entity_id=verdict_id,
        before=before, after=after,
    )
    if correcting:
        stored = session.get(Verdict, verdict_id)
        assert stored is not None
        session.refresh(stored)
        record_publication(session, stored, actor=actor, reason=reason)
    return new_version


def set_status(
    session: Session, group_id: int, status: str, *, expected_version: int, actor: str,
    reason: str | None = None, notes: list[str] | None = None,
) -> int:
    """Move a verdict along the workflow; returns its new version.

    The editorial rules (storage.verdict_rules) are checked first: approval by someone other
    than the author when two-person review is on; publication with a rating, a rationale and
    evidence, and a reason when it corrects an earlier publication. Publishing stores the
    snapshot the outputs print. One-time explanations are appended to ``notes``.
    """
    status = VerdictStatus(status)
    current = verdict_for_group(session, group_id)
    if current is None:
        raise LookupError(f"claim group {group_id} has no verdict yet")
    if current.version != expected_version:
        raise VerdictConflict(group_id, verdict_snapshot(session, current))
    if status not in ALLOWED_STATUS_CHANGES[current.status]:
        raise InvalidStatusChange(
            f"A verdict cannot go from {STATUS_LABELS[current.status]} to {STATUS_LABELS[status]}."
        )
    if status in (VerdictStatus.APPROVED, VerdictStatus.PUBLISHED) and not current.rating:
        raise InvalidStatusChange("Give the verdict a rating before approving or publishing it.")
    if status == VerdictStatus.APPROVED:
        verdict_rules.check_approval(session, current, actor, notes)
    if status == VerdictStatus.PUBLISHED:
        verdict_rules.check_publication(session, current, reason)
    old_status, old_version = current.status, current.version
    # (ORM-enabled UPDATE refreshes `current` in place, so the old values are read first.)
    result = session.execute(
        update(Verdict)
        .where(Verdict.id == current.id, Verdict.version == old_version)
        .values(status=status, version=old_version + 1, updated_at=utcnow())
    )
    if result.rowcount != 1:
        raise VerdictConflict(group_id, verdict_snapshot(session, current))
    audit.record(
        session, actor=actor, action=f"verdict_{status.value}", entity="verdict",
        entity_id=current.id, before={"status": old_status}, after={"status": status.value},
    )
    if status == VerdictStatus.PUBLISHED:
        session.refresh(current)
        record_publication(session, current, actor=actor, reason=reason)
    return old_version + 1
