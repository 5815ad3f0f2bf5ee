"""The editorial rules of the verdict workflow, in one place for the window and the command line.

- Approval needs a reviewer other than the verdict's author when two-person review is on (on by
  default on a team server, off on a laptop, where the first self-approval is explained once).
- Publication needs a rating, a rationale and at least one evidence item.
- Changing a published verdict is a correction: it needs a reason, and becomes a new published
  version; with two-person review on it goes back through review instead of being published
  directly.

Each refusal is an :class:`InvalidStatusChange` whose message says what is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from storage import settings
from storage.errors import StorageError
from storage.models import AuditEntry, Evidence, Verdict
from storage.publication import latest_number

LAPTOP_REVIEW_NOTE = (
    "You approved a verdict you wrote yourself. On a laptop that is allowed, as there may be no "
    "second person; a newsroom wants two: turn on two-person review with "
    "`claimdesk config --two-person-review on` (or Preferences → Organisation), and approval "
    "then needs a reviewer other than the author. (This note is shown once.)"
)


class InvalidStatusChange(StorageError):
    """A step the editorial rules refuse; the message says what is missing."""


class CorrectionNeedsReason(InvalidStatusChange):
    """The step would change what was published: it needs the reason for the correction
    (the window asks for it and tries again)."""


def _refuse(message: str) -> None:
    raise InvalidStatusChange(message)


def _same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def author_of(session: Session, verdict: Verdict) -> str | None:
    """Who wrote the verdict: stored since 0003_editorial, before that the last saver in the audit
    log."""
    if verdict.author:
        return verdict.author
    return session.execute(
        select(AuditEntry.actor).where(AuditEntry.entity == "verdict",
                                       AuditEntry.entity_id == verdict.id,
                                       AuditEntry.action == "verdict_saved")
        .order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()


def check_approval(session: Session, verdict: Verdict, actor: str,
                   notes: list[str] | None) -> None:
    author = author_of(session, verdict)
    if not _same_person(author, actor):
        return
    if settings.two_person_review(session):
        _refuse(f"{author} wrote this verdict, so {actor} cannot also approve it: two-person "
                "review is on, and a reviewer other than the author must approve it.")
    if settings.get_setting(session, settings.REVIEW_EXPLAINED) is None:
        settings.set_setting(session, settings.REVIEW_EXPLAINED, "yes", actor=actor)
        if notes is not None:
            notes.append(LAPTOP_REVIEW_NOTE)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _missing(rating: str | None, rationale: str, evidence: int) -> list[str]:
    missing = []
    if not rating:
        missing.append("a rating")
    if not rationale.strip():
        missing.append("a rationale (why this rating)")
    if evidence < 1:
        missing.append("at least one evidence item (a source that shows it)")
    return missing


def check_publication(session: Session, verdict: Verdict, reason: str | None) -> None:
    evidence = session.execute(select(func.count()).select_from(Evidence)
                               .where(Evidence.verdict_id == verdict.id)).scalar_one()
    missing = _missing(verdict.rating, verdict.rationale or "", evidence)
    if missing:
        _refuse(f"This verdict cannot be published yet: it needs {_join(missing)}.")
    if latest_number(session, verdict.group_id) and not (reason or "").strip():
        raise CorrectionNeedsReason(
            "This verdict was published before, so publishing it again is a correction: "
            "give the reason for the correction (it is printed with the corrected verdict).")


def _jsonish(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def content_changed(before: dict[str, Any], draft: Any) -> bool:
    """Whether the draft (a storage.verdicts.VerdictDraft) says something else than the stored
    verdict (``verdict_snapshot``)."""
    after = asdict(draft)
    for key in ("rating", "summary", "rationale", "reviewer"):
        if (before.get(key) or None) != (after.get(key) or None):
            return True
    old = [{k: _jsonish(v) for k, v in e.items()} for e in before.get("evidence") or []]
    new = [{k: _jsonish(v) for k, v in e.items()} for e in after.get("evidence") or []]
    return old != new


def check_correction(session: Session, verdict: Verdict, draft: Any,
                     reason: str | None) -> None:
    """Editing a published verdict: allowed only as a correction with a reason."""
    if settings.two_person_review(session):
        _refuse("This verdict is published and two-person review is on: send it back to draft, "
                "have the correction reviewed and approved, then publish it with its reason.")
    if not (reason or "").strip():
        raise CorrectionNeedsReason(
            "This verdict is published, so changing it is a correction: give the reason "
            "for the correction (it is printed with the corrected verdict).")
    missing = _missing(draft.rating, draft.rationale, len(draft.evidence))
    if missing:
        _refuse(f"The correction cannot be published: it needs {_join(missing)}.")
