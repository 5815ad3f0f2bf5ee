"""The audit log: one entry per user action, with the values before and after."""

from __future__ import annotations

import datetime as dt
import getpass
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from storage.models import AuditEntry, utcnow


def default_actor() -> str:
    """The name recorded when no reviewer name is configured: the OS user."""
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (some containers)
        return "unknown"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add an audit entry inside the caller's transaction (so it commits or rolls back with it)."""
    session.execute(
        insert(AuditEntry).values(
            at=utcnow(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_jsonable(before) if before is not None else None,
            after=_jsonable(after) if after is not None else None,
        )
    )
