"""User actions on single claims: accept, reject, edit, create from a selection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session

from storage import audit, measure_store
from storage.articles import NewClaim, claim_rows
from storage.database import session_in_chunk
from storage.errors import StorageError
from storage.models import Article, Claim, ClaimOrigin, ClaimStatus, utcnow

_EDITABLE = ("sentence", "start", "end", "category", "figures", "claimant", "score", "cues")
# What a claim's measures are read from (matching.measures): editing one redoes them.
_MEASURED = frozenset(("sentence", "start", "end", "figures"))


def set_status(session: Session, claim_ids: Sequence[int], status: str, *, actor: str) -> int:
    """Accept/reject/re-propose claims; returns how many changed. One audit entry per claim."""
    status = ClaimStatus(status)
    wanted, size = sorted(set(claim_ids)), session_in_chunk(session)
    rows = [row for start in range(0, len(wanted), size) for row in session.execute(
        select(Claim.id, Claim.status).where(Claim.id.in_(wanted[start:start + size]))).all()]
    changed = [(cid, old) for cid, old in rows if old != status]
    if not changed:
        return 0
    ids = [cid for cid, _ in changed]
    now = utcnow()
    for start in range(0, len(ids), size):  # IN lists under the engine's variable limit
        session.execute(update(Claim).where(Claim.id.in_(ids[start:start + size]))
                        .values(status=status, updated_at=now))
    for cid, old in changed:
        audit.record(
            session,
            actor=actor,
            action=f"claim_{status.value}" if status != ClaimStatus.PROPOSED else "claim_reproposed",
            entity="claim",
            entity_id=cid,
            before={"status": old},
            after={"status": status.value},
        )
    return len(changed)


class ClaimChanged(StorageError):
    """Someone else changed the claim since the editor read it: the edit is not applied."""

    def __init__(self, claim_id: int, field: str, theirs: Any) -> None:
        super().__init__(
            f"Claim #{claim_id} was changed meanwhile (its {field} is now {theirs!r}, perhaps "
            "from another window or another checker); your edit was not saved so as not to "
            "overwrite theirs. Look at the claim again and redo your edit if it still applies."
        )
        self.claim_id, self.field, self.theirs = claim_id, field, theirs


def edit(session: Session, claim_id: int, changes: dict[str, Any], *, actor: str,
         expected: dict[str, Any] | None = None) -> None:
    """Change a claim's fields; the before/after values go to the audit log.

    ``expected``: the values the editor showed. A field someone else changed meanwhile (the
    stored value is neither the expected one nor the new one) refuses the whole edit with
    :class:`ClaimChanged`, so two windows never silently overwrite each other.
    """
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise LookupError(f"claim {claim_id} does not exist")
    before = {k: getattr(claim, k) for k in changes}
    for key, seen in (expected or {}).items():
        if key in changes and before[key] not in (seen, changes[key]):
            raise ClaimChanged(claim_id, key, before[key])
    session.execute(
        update(Claim).where(Claim.id == claim_id).values(**changes, updated_at=utcnow())
    )
    if _MEASURED & set(changes):
        measure_store.forget_claims(session, [claim_id])
    audit.record(
        session,
        actor=actor,
        action="claim_edited",
        entity="claim",
        entity_id=claim_id,
        before=before,
        after=dict(changes),
    )


def add_manual(session: Session, article_id: int, claim: NewClaim, *, actor: str) -> int:
    """A claim a person made from selected text: accepted at once, origin 'manual'."""
    article = session.get(Article, article_id)
    if article is None:
        raise LookupError(f"article {article_id} does not exist")
    if article.text[claim.start : claim.end] != claim.sentence:
        raise ValueError("the claim's text does not match the article at its offsets")
    claim.origin = ClaimOrigin.MANUAL
    claim.status = ClaimStatus.ACCEPTED
    (row,) = claim_rows(article_id, [claim])
    claim_id = session.execute(insert(Claim).values(**row).returning(Claim.id)).scalar_one()
    audit.record(
        session,
        actor=actor,
        action="claim_created",
        entity="claim",
        entity_id=claim_id,
        after={"sentence": claim.sentence, "start": claim.start, "end": claim.end},
    )
    return claim_id
