"""A person's edits of measures (rename, merge, split, each undoable) and reference figures.

Each function is one write transaction with its audit entry and returns plain values; an
edit returns the ``MeasureEdit`` its undo needs. Decisions outlive re-matching: a renamed
measure keeps its name, a merged one sends its claims to the measure it was merged into,
and a claim split off stays out of the measure it left (as rejected group members do).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import delete, select, update

from storage import audit
from storage.database import Database, session_in_chunk
from storage.measure_models import Measure, MeasureMember, ReferenceFigure
from storage.measures import (
    REJECTED,
    MeasureInputError,
    Reference,
    _reference,
    display_name,
)
from storage.models import utcnow

CONFIRMED = "confirmed"
_MEMBER_FIELDS = ("claim_id", "figure", "value", "low", "high", "period", "period_stated",
                  "decision", "decided_by", "decided_at")


@dataclass(frozen=True)
class MeasureEdit:
    """What one edit changed, enough to undo it."""

    kind: str  # "rename", "merge", "split"
    measure_id: int  # the measure renamed, merged into, or split
    other_id: int | None = None  # the measure merged in, or split off
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


def _measure(session, measure_id: int) -> Measure:  # noqa: ANN001
    m = session.get(Measure, measure_id)
    if m is None:
        raise MeasureInputError(f"There is no measure {measure_id}.")
    return m


def _member_dict(row: MeasureMember) -> dict[str, Any]:
    return {f: getattr(row, f) for f in _MEMBER_FIELDS}


# -- rename -----------------------------------------------------------------------------------
def rename_measure(db: Database, measure_id: int, name: str | None, *, actor: str) -> MeasureEdit:
    """Give a measure a person's name (``None`` or blank: back to the name matching gave)."""
    new = (name or "").strip() or None
    with db.write() as session:
        m = _measure(session, measure_id)
        old = m.user_name
        m.user_name = new
        m.updated_at = utcnow()
        audit.record(session, actor=actor, action="measure_rename", entity="measure",
                     entity_id=measure_id, before={"user_name": old}, after={"user_name": new})
    return MeasureEdit("rename", measure_id, before={"user_name": old}, after={"user_name": new})


# -- merge ------------------------------------------------------------------------------------
def merge_measures(db: Database, target_id: int, source_id: int, *, actor: str) -> MeasureEdit:
    """Merge ``source_id`` into ``target_id``: its claims move there, and re-matching sends
    the claims of its kind there too."""
    if target_id == source_id:
        raise MeasureInputError("A measure cannot be merged into itself.")
    with db.write() as session:
        target, source = _measure(session, target_id), _measure(session, source_id)
        if source.merged_into is not None:
            raise MeasureInputError(f"Measure {source_id} was already merged into another.")
        if target.merged_into is not None:
            raise MeasureInputError(f"Measure {target_id} was merged into another; merge into "
                                    "that one.")
        there = {c for c in session.execute(select(MeasureMember.claim_id).where(
            MeasureMember.measure_id == target_id)).scalars()}
        moved, dropped = [], []
        for row in session.execute(select(MeasureMember).where(
                MeasureMember.measure_id == source_id)).scalars().all():
            if row.claim_id in there:
                dropped.append(_member_dict(row))
                session.delete(row)
            else:
                moved.append(row.claim_id)
                row.measure_id = target_id
        source.merged_into = target_id
        source.updated_at = target.updated_at = utcnow()
        after = {"merged_into": target_id, "moved": moved, "dropped": dropped}
        audit.record(session, actor=actor, action="measure_merge", entity="measure",
                     entity_id=target_id, before={"source": source_id,
                                                  "source_name": display_name(source)},
                     after=after)
    return MeasureEdit("merge", target_id, source_id, after=after)


# -- split ------------------------------------------------------------------------------------
def split_measure(db: Database, measure_id: int, claim_ids: list[int], *, actor: str,
                  name: str | None = None) -> MeasureEdit:
    """Move ``claim_ids`` out of a measure into a new one (named ``name``); the new measure's
    id is the edit's ``other_id``."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        raise MeasureInputError("Choose the claims to split off.")
    with db.write() as session:
        old = _measure(session, measure_id)
        step = session_in_chunk(session)
        rows = {r.claim_id: r for k in range(0, len(wanted), step)
                for r in session.execute(select(MeasureMember).where(
                    MeasureMember.measure_id == measure_id,
                    MeasureMember.claim_id.in_(wanted[k:k + step]),
                    MeasureMember.decision != REJECTED)).scalars()}
        missing = [c for c in wanted if c not in rows]
        if missing:
            raise MeasureInputError(
                f"Claim {missing[0]} is not in measure {measure_id}; nothing was split.")
        now = utcnow()
        new = Measure(key=f"split:{measure_id}:{now.timestamp():.6f}",
                      name=(name or "").strip() or f"{display_name(old)} (split)",
                      user_name=(name or "").strip() or None, unit=old.unit,
                      created_at=now, updated_at=now)
        session.add(new)
        session.flush()
        before = {}
        for cid, row in rows.items():
            before[str(cid)] = {"decision": row.decision, "decided_by": row.decided_by,
                                "decided_at": row.decided_at}
            copy = _member_dict(row) | {"decision": CONFIRMED, "decided_by": actor,
                                        "decided_at": now}
            session.add(MeasureMember(measure_id=new.id, **copy))
            row.decision, row.decided_by, row.decided_at = REJECTED, actor, now
        after = {"new_measure": new.id, "claims": wanted}
        audit.record(session, actor=actor, action="measure_split", entity="measure",
                     entity_id=measure_id, before={"members": before}, after=after)
        new_id = new.id
    return MeasureEdit("split", measure_id, new_id, before={"members": before}, after=after)


# -- undo -------------------------------------------------------------------------------------
def undo_measure_edit(db: Database, edit: MeasureEdit, *, actor: str) -> None:
    """Take back a rename, merge or split (claims matched meanwhile stay where matching put
    them)."""
    with db.write() as session:
        if edit.kind == "rename":
            m = _measure(session, edit.measure_id)
            m.user_name = edit.before.get("user_name")
            m.updated_at = utcnow()
        elif edit.kind == "merge":
            assert edit.other_id is not None
            source = _measure(session, edit.other_id)
            source.merged_into = None
            source.updated_at = utcnow()
            moved = list(edit.after.get("moved", []))
            step = session_in_chunk(session)
            for k in range(0, len(moved), step):
                session.execute(update(MeasureMember).where(
                    MeasureMember.measure_id == edit.measure_id,
                    MeasureMember.claim_id.in_(moved[k:k + step])).values(
                        measure_id=edit.other_id))
            for row in edit.after.get("dropped", []):
                exists = session.execute(select(MeasureMember.id).where(
                    MeasureMember.measure_id == edit.other_id,
                    MeasureMember.claim_id == row["claim_id"])).first()
                if exists is None:
                    session.add(MeasureMember(measure_id=edit.other_id, **row))
        elif edit.kind == "split":
            assert edit.other_id is not None
            session.execute(delete(MeasureMember).where(
                MeasureMember.measure_id == edit.other_id))
            session.execute(delete(Measure).where(Measure.id == edit.other_id))
            for cid, was in edit.before.get("members", {}).items():
                session.execute(update(MeasureMember).where(
                    MeasureMember.measure_id == edit.measure_id,
                    MeasureMember.claim_id == int(cid)).values(**was))
        else:
            raise MeasureInputError(f"Cannot undo an edit of kind {edit.kind!r}.")
        audit.record(session, actor=actor, action=f"measure_{edit.kind}_undone",
                     entity="measure", entity_id=edit.measure_id,
                     before=edit.after, after=edit.before)


# -- reference figures ------------------------------------------------------------------------
def _date(value: dt.date | str | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise MeasureInputError(f"The {what} must be a date in the form YYYY-MM-DD, not "
                                f"{value!r}.") from None


def _number(value: float | str | None, what: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise MeasureInputError(f"The {what} must be a number, not {value!r}.") from None
    if not math.isfinite(number):
        raise MeasureInputError(f"The {what} must be a finite number.")
    return number


def add_reference(db: Database, measure_id: int, *, as_of: dt.date | str, source_title: str,
                  value: float | str | None = None, low: float | str | None = None,
                  high: float | str | None = None, url: str | None = None,
                  publisher: str | None = None, quote: str | None = None,
                  captured_on: dt.date | str | None = None, actor: str) -> Reference:
    """Record an authoritative value of a measure (a value, an interval, or both: the value
    alone is an exact interval). For a date measure, give the date as ``value``."""
    title = (source_title or "").strip()
    if not title:
        raise MeasureInputError("A reference figure needs the title of its source.")
    link = (url or "").strip() or None
    if link is not None and (urlparse(link).scheme not in ("http", "https")
                             or not urlparse(link).netloc):
        raise MeasureInputError(f"The source address must start with http:// or https://, "
                                f"not {link!r}.")
    day = _date(as_of, "as-of date")
    if day is None:
        raise MeasureInputError("A reference figure needs the date it is valid as of.")
    with db.write() as session:
        m = _measure(session, measure_id)
        if m.merged_into is not None:
            raise MeasureInputError(f"Measure {measure_id} was merged into measure "
                                    f"{m.merged_into}; add the reference there.")
        if m.unit == "date" and isinstance(value, str | dt.date) and not _is_number(value):
            stated = _date(value, "value")
            number = float(stated.toordinal()) if stated else None
        else:
            number = _number(value, "value")
        lo, hi = _number(low, "low end"), _number(high, "high end")
        if number is None and (lo is None or hi is None):
            raise MeasureInputError("Give the reference value, or both ends of its interval "
                                    "(--low and --high).")
        lo = number if lo is None else lo
        hi = number if hi is None else hi
        assert lo is not None and hi is not None
        if lo > hi:
            raise MeasureInputError(f"The low end ({lo:g}) is above the high end ({hi:g}).")
        if number is not None and not lo <= number <= hi:
            raise MeasureInputError(f"The value {number:g} is outside its interval "
                                    f"[{lo:g}, {hi:g}].")
        row = ReferenceFigure(measure_id=measure_id, value=number, low=lo, high=hi, as_of=day,
                              source_title=title, publisher=(publisher or "").strip() or None,
                              url=link, quote=(quote or "").strip() or None,
                              captured_on=_date(captured_on, "capture date") or dt.date.today(),
                              entered_by=actor, created_at=utcnow())
        session.add(row)
        session.flush()
        audit.record(session, actor=actor, action="reference_add", entity="reference_figure",
                     entity_id=row.id, after={"measure_id": measure_id, "value": number,
                                              "low": lo, "high": hi, "as_of": day,
                                              "source_title": title, "url": link})
        return _reference(row)


def _is_number(value: object) -> bool:
    try:
        float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def delete_reference(db: Database, reference_id: int, *, actor: str) -> Reference:
    """Remove a reference figure; returns it (``add_reference`` with its fields undoes it)."""
    with db.write() as session:
        row = session.get(ReferenceFigure, reference_id)
        if row is None:
            raise MeasureInputError(f"There is no reference figure {reference_id}.")
        gone = _reference(row)
        session.delete(row)
        audit.record(session, actor=actor, action="reference_delete", entity="reference_figure",
                     entity_id=reference_id, before={"measure_id": gone.measure_id,
                                                     "value": gone.value, "low": gone.low,
                                                     "high": gone.high, "as_of": gone.as_of,
                                                     "source_title": gone.source_title})
    return gone
