"""The desk's settings stored in the database: organisation, corrections contact, published-checks
address, two-person review. Every window and command on the database reads the same values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from storage import audit
from storage.models import Setting, utcnow

ORGANISATION = "organisation"
CORRECTIONS = "corrections_contact"
BASE_URL = "base_url"
TWO_PERSON_REVIEW = "two_person_review"
# Set once the one-time explanation of single-person review on a laptop has been given.
REVIEW_EXPLAINED = "two_person_review_explained"

KNOWN: dict[str, str] = {
    ORGANISATION: "organisation",
    CORRECTIONS: "corrections contact",
    BASE_URL: "published-checks base URL",
    TWO_PERSON_REVIEW: "two-person review",
}


class SettingError(ValueError):
    """A setting value that cannot be used; the message is a sentence."""


def is_team_database(session: Session) -> bool:
    """Team mode: a database on a PostgreSQL server; a file is a laptop."""
    return session.get_bind().dialect.name == "postgresql"


def get_setting(session: Session, key: str) -> str | None:
    return session.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()


def all_settings(session: Session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(Setting.key, Setting.value))}


def set_setting(session: Session, key: str, value: str | None, *, actor: str) -> None:
    """Store (or with None / "" clear) a setting, with an audit entry."""
    value = _checked(key, value)
    row = session.get(Setting, key)
    before = {"value": row.value} if row else None
    if value is None:
        if row is None:
            return
        session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value, updated_at=utcnow(), updated_by=actor))
    else:
        if row.value == value:
            return
        row.value, row.updated_at, row.updated_by = value, utcnow(), actor
    session.flush()
    audit.record(session, actor=actor, action="setting_changed", entity="setting",
                 before={"key": key, **(before or {})}, after={"key": key, "value": value})


def _checked(key: str, value: str | None) -> str | None:
    value = " ".join(value.split()) if value is not None else None
    if not value:
        return None
    if key == BASE_URL:
        if not value.lower().startswith(("https://", "http://")):
            raise SettingError(f"The published-checks base URL must start with https:// "
                               f"(got {value!r}).")
        return value.rstrip("/")
    if key == TWO_PERSON_REVIEW:
        flag = value.lower()
        if flag not in ("on", "off"):
            raise SettingError("Two-person review is either on or off.")
        return flag
    return value


def two_person_review(session: Session) -> bool:
    """On by default on a team server, off on a laptop; a stored value wins."""
    stored = get_setting(session, TWO_PERSON_REVIEW)
    if stored is None:
        return is_team_database(session)
    return stored == "on"


@dataclass(frozen=True)
class Organisation:
    """Who publishes: what the outputs print as publisher and corrections contact."""

    name: str | None = None
    corrections: str | None = None
    base_url: str | None = None


def organisation(session: Session) -> Organisation:
    values = all_settings(session)
    return Organisation(values.get(ORGANISATION), values.get(CORRECTIONS), values.get(BASE_URL))
