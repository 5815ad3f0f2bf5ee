"""What working out measures reads and writes: claims not scanned yet, and their measure values.

Plain queries; what a claim's measures are is decided in ``matching.measures`` and put
together in ``workflows.measuring``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, or_, select
from sqlmodel import Session

from storage.database import session_in_chunk
from storage.measure_models import Measure, MeasureMember, MeasureScan
from storage.models import Article, Claim, ClaimStatus, utcnow


@dataclass(frozen=True)
class ClaimToMeasure:
    id: int
    sentence: str
    start: int
    figures: list[dict[str, Any]]
    published: str | None


@dataclass(frozen=True)
class NewValue:
    """One claim's value of the measure with key ``key`` (from matching.measures.Assignment)."""

    claim_id: int
    key: str
    name: str
    unit: str
    figure: str
    value: float | None
    low: float
    high: float
    period: str | None
    period_stated: bool


def claims_to_measure(session: Session, version: str, limit: int,
                      ids: Sequence[int] | None = None) -> list[ClaimToMeasure]:
    """Claims (not rejected) never scanned for measures, or scanned by another version; only
    among ``ids`` when given."""
    return claims_by_id(session, ids_to_measure(session, version, limit, ids))


def ids_to_measure(session: Session, version: str, limit: int,
                   ids: Sequence[int] | None = None, after: int | None = None) -> list[int]:
    """The ids ``claims_to_measure`` would return (reads no sentence or figures); only those
    above ``after`` when given."""
    query = (
        select(Claim.id)
        .outerjoin(MeasureScan, MeasureScan.claim_id == Claim.id)
        .where(Claim.status != ClaimStatus.REJECTED)
        .where(or_(MeasureScan.claim_id.is_(None), MeasureScan.version != version))
        .order_by(Claim.id)
        .limit(limit)
    )
    if after is not None:
        query = query.where(Claim.id > after)
    if ids is None:
        return list(session.execute(query).scalars())
    wanted = sorted(i for i in set(ids) if after is None or i > after)
    out: list[int] = []
    step = session_in_chunk(session)
    for k in range(0, len(wanted), step):  # an IN list within every engine's limit
        if len(out) >= limit:
            break
        out.extend(session.execute(query.where(Claim.id.in_(wanted[k:k + step]))).scalars())
    return out[:limit]


def claims_by_id(session: Session, ids: Sequence[int]) -> list[ClaimToMeasure]:
    """What measures read of the claims ``ids``, by id."""
    out: list[ClaimToMeasure] = []
    wanted = sorted(set(ids))
    step = session_in_chunk(session)
    for k in range(0, len(wanted), step):
        out.extend(
            ClaimToMeasure(r[0], r[1], r[2], r[3] or [], r[4].isoformat() if r[4] else None)
            for r in session.execute(
                select(Claim.id, Claim.sentence, Claim.start, Claim.figures, Article.published)
                .join(Article, Article.id == Claim.article_id)
                .where(Claim.id.in_(wanted[k:k + step]))
                .order_by(Claim.id)))
    return out


def _final(session: Session, ids: Iterable[int]) -> dict[int, int]:
    """Each measure id -> the measure it was (perhaps repeatedly) merged into, or itself."""
    merged = dict(session.execute(select(Measure.id, Measure.merged_into).where(
        Measure.merged_into.is_not(None))).all())
    out = {}
    for mid in ids:
        seen = {mid}
        current = mid
        while merged.get(current) is not None and merged[current] not in seen:
            current = merged[current]
            seen.add(current)
        out[mid] = current
    return out


def save_values(session: Session, claim_ids: Sequence[int], values: Sequence[NewValue],
                version: str) -> int:
    """Replace the automatic measure values of ``claim_ids`` with ``values`` (creating the
    measures they name), keep the person's decisions, and mark the claims scanned. Returns
    how many measures were created."""
    ids = sorted(set(claim_ids))
    if not ids:
        return 0
    forget_claims(session, ids)
    keep: set[tuple[int, int]] = set()  # (measure, claim) a person decided on: what is left
    step = session_in_chunk(session)
    for k in range(0, len(ids), step):
        keep.update(session.execute(select(MeasureMember.measure_id, MeasureMember.claim_id)
                                    .where(MeasureMember.claim_id.in_(ids[k:k + step]))).all())
    keys = sorted({v.key for v in values})
    measure_of: dict[str, int] = {}
    named: dict[str, str] = {v.key: v.name for v in values}
    renamed: list[dict[str, Any]] = []
    step = session_in_chunk(session)
    for k in range(0, len(keys), step):
        for key, mid, name in session.execute(select(Measure.key, Measure.id, Measure.name)
                                              .where(Measure.key.in_(keys[k:k + step]))):
            measure_of[key] = mid
            if name != named[key]:
                renamed.append({"b_id": mid, "b_name": named[key]})
    if renamed:
        # Matching names a measure better than an older version did: its name follows (a
        # person's own name, user_name, is untouched).
        table = Measure.__table__
        session.connection().execute(
            table.update().where(table.c.id == bindparam("b_id")).values(
                name=bindparam("b_name"), updated_at=utcnow()), renamed)
    created = [v for v in {v.key: v for v in values}.values() if v.key not in measure_of]
    if created:
        now = utcnow()
        session.connection().execute(Measure.__table__.insert(), [
            {"key": v.key, "name": v.name, "user_name": None, "unit": v.unit,
             "merged_into": None, "created_at": now, "updated_at": now} for v in created])
        step = session_in_chunk(session)
        for k in range(0, len(created), step):
            measure_of.update(session.execute(select(Measure.key, Measure.id).where(
                Measure.key.in_([v.key for v in created[k:k + step]]))).all())
    final = _final(session, set(measure_of.values()))
    # Claims a person rejected from a measure stay out of it, also when its key comes back.
    rows, placed = [], set()
    for v in values:
        mid = final[measure_of[v.key]]
        if (mid, v.claim_id) in keep or (mid, v.claim_id) in placed:
            continue
        placed.add((mid, v.claim_id))
        rows.append({"measure_id": mid, "claim_id": v.claim_id, "figure": v.figure,
                     "value": v.value, "low": v.low, "high": v.high, "period": v.period,
                     "period_stated": v.period_stated, "decision": "auto",
                     "decided_by": None, "decided_at": None})
    connection = session.connection()
    if rows:
        connection.execute(MeasureMember.__table__.insert(), rows)
    connection.execute(MeasureScan.__table__.insert(),
                       [{"claim_id": cid, "version": version} for cid in ids])
    return len(created)


def forget_claims(session: Session, claim_ids: Sequence[int]) -> None:
    """A person changed what these claims say (their sentence or figures): their automatic
    measure values go, and the next ``workflows.measuring.update_measures`` works them out
    again. The person's decisions on them (confirmed, rejected) are kept."""
    ids = sorted(set(claim_ids))
    step = session_in_chunk(session)
    for k in range(0, len(ids), step):
        chunk = ids[k:k + step]
        session.execute(delete(MeasureMember).where(MeasureMember.claim_id.in_(chunk),
                                                    MeasureMember.decision == "auto"))
        session.execute(delete(MeasureScan).where(MeasureScan.claim_id.in_(chunk)))


def forget_scans(session: Session) -> None:
    """Have every claim's measures worked out again by the next run (decisions are kept)."""
    session.execute(delete(MeasureScan))
