"""Reading measures: the list, one measure's timeline, its reference figures, and how a claim compares.

Every function takes a ``Database`` and returns plain values (frozen dataclasses); none hands
out a session. The edits (rename, merge, split, reference figures) are in
``storage.measure_edits``; what matching writes is in ``storage.measure_store``.

Dates: a claim's value is dated by the period stated in its sentence ("in March 2025"),
else by its article's publication date. A month is dated on its 15th, a year on 1 July.
A date measure ("Minsk II was signed on …") holds the stated day as its value (an ordinal
day, ``value_text`` gives it as ISO), dated by publication.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from storage.database import Database, session_in_chunk
from storage.measure_models import Measure, MeasureMember, ReferenceFigure
from storage.models import (
    Article,
    Claim,
    ClaimGroupMember,
    ClaimStatus,
    GroupConflict,
    Outlet,
)

REJECTED = "rejected"
CONSISTENT = "consistent"
CONTRADICTS = "contradicts"
NO_REFERENCE = "no reference"


class MeasureInputError(ValueError):
    """Something a person asked for that cannot be done; ``str(exc)`` is a sentence."""


@dataclass(frozen=True)
class MeasureRow:
    """One line of the measures list."""

    id: int
    name: str  # the person's name if renamed, else the one matching gave
    claims: int
    outlets: int
    low: float | None  # smallest and largest stated value (canonical unit; dates: ordinal)
    high: float | None
    latest_value: float | None  # the value of the most recently dated claim
    latest_date: dt.date | None
    unit: str = ""  # "percent", "area", "count", "date", "money:usd"…
    key: str = ""
    renamed: bool = False
    references: int = 0


@dataclass(frozen=True)
class TimelinePoint:
    """One claim's value of a measure, for the chart and the CSV."""

    claim_id: int
    date: dt.date | None
    value: float | None
    low: float
    high: float
    outlet: str
    sentence: str
    conflicting: bool  # its group conflicts with another, or a same-period value disagrees
    figure: str = ""
    period: str | None = None
    value_text: str = ""  # the value as a person reads it ("19 %", "2015-02-12")


@dataclass(frozen=True)
class Reference:
    """A reference figure: an authoritative value of a measure as of a date, with its source."""

    id: int
    measure_id: int
    value: float | None
    low: float
    high: float
    as_of: dt.date
    source_title: str
    publisher: str | None
    url: str | None
    quote: str | None
    captured_on: dt.date | None
    entered_by: str
    created: dt.datetime


@dataclass(frozen=True)
class Comparison:
    """A claim's value against the reference valid at its date: a suggestion, never a rating."""

    kind: str  # CONSISTENT, CONTRADICTS or NO_REFERENCE
    claim_id: int
    measure_id: int
    claim_interval: tuple[float, float]
    reference_interval: tuple[float, float] | None
    reference: Reference | None
    claim_date: dt.date | None = None


# -- dates and values -------------------------------------------------------------------------
def point_date(period: str | None, stated: bool, published: dt.date | None,
               unit: str = "") -> dt.date | None:
    """The date a claim's value is plotted at (see the module's docstring)."""
    if unit != "date" and stated and period:
        when = _period_date(period) or published
        # "2025" is plotted on 1 July; said in June 2025 it cannot be later than that day.
        return published if when and published and when > published else when
    return published or _period_date(period)


def _period_date(period: str | None) -> dt.date | None:
    if not period:
        return None
    try:
        if len(period) >= 10:
            return dt.date.fromisoformat(period[:10])
        if len(period) == 7:
            return dt.date(int(period[:4]), int(period[5:7]), 15)
        if len(period) == 4:
            return dt.date(int(period), 7, 1)
    except ValueError:
        return None
    return None


def value_text(value: float | None, unit: str, low: float | None = None,
               high: float | None = None) -> str:
    """A value as a person reads it; a date measure's month or year when ``low``–``high``
    span one ("2015-02")."""
    if value is None or not math.isfinite(value):
        return ""
    if unit == "date":
        try:
            day = dt.date.fromordinal(int(value))
            if low is not None and high is not None and high > low:
                first, last = dt.date.fromordinal(int(low)), dt.date.fromordinal(int(high))
                if first.year == last.year and (first.month, last.month) == (1, 12) and (
                        high - low) > 40:
                    return f"{first.year}"
                if (first.year, first.month) == (last.year, last.month):
                    return f"{first.year}-{first.month:02d}"
            return day.isoformat()
        except (ValueError, OverflowError):
            return ""
    shown = f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    suffix = {"percent": " %", "area": " km²", "distance": " km", "duration": " days"}.get(
        unit, f" {unit.split(':', 1)[1].upper()}" if unit.startswith("money:") else "")
    return shown + suffix


def _reference(r: ReferenceFigure) -> Reference:
    return Reference(r.id, r.measure_id, r.value, r.low, r.high, r.as_of, r.source_title,
                     r.publisher, r.url, r.quote, r.captured_on, r.entered_by, r.created_at)


def display_name(m: Measure) -> str:
    return m.user_name or m.name


# -- the list ---------------------------------------------------------------------------------
def list_measures(db: Database, *, min_claims: int = 2) -> list[MeasureRow]:
    """Measures with at least ``min_claims`` claims (merged-away ones left out), the most
    stated first."""
    with db.read() as session:
        measures = {m.id: m for m in session.execute(
            select(Measure).where(Measure.merged_into.is_(None))).scalars()}
        refs = dict(session.execute(
            select(ReferenceFigure.measure_id, func.count()).group_by(
                ReferenceFigure.measure_id)).all())
        rows = session.execute(
            select(MeasureMember.measure_id, MeasureMember.claim_id, MeasureMember.value,
                   MeasureMember.period, MeasureMember.period_stated, Article.published,
                   Article.outlet_id, MeasureMember.low, MeasureMember.high)
            .join(Claim, Claim.id == MeasureMember.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .where(MeasureMember.decision != REJECTED,
                   Claim.status != ClaimStatus.REJECTED)).all()
    claims: dict[int, set[int]] = defaultdict(set)
    outlets: dict[int, set[int]] = defaultdict(set)
    values: dict[int, list[float]] = defaultdict(list)
    days: dict[int, list[float]] = defaultdict(list)  # date measures: the exact days stated
    latest: dict[int, tuple[dt.date, int, float | None]] = {}
    for mid, cid, value, period, stated, published, outlet, low, high in rows:
        m = measures.get(mid)
        if m is None:
            continue
        claims[mid].add(cid)
        outlets[mid].add(outlet)
        if value is not None:
            values[mid].append(value)
            if m.unit == "date" and low == high:
                days[mid].append(value)
        when = point_date(period, stated, published, m.unit)
        if when is not None and (mid not in latest or (when, cid) > latest[mid][:2]):
            latest[mid] = (when, cid, value)
    out = []
    for mid, m in measures.items():
        n = len(claims.get(mid, ()))
        if n < min_claims:
            continue
        # A date's range from the days stated: "February 2015" is plotted mid-month, and the
        # 14th is a day nobody claimed.
        vs = days.get(mid) or values.get(mid, [])
        last = latest.get(mid)
        out.append(MeasureRow(
            id=mid, name=display_name(m), claims=n, outlets=len(outlets[mid]),
            low=min(vs) if vs else None, high=max(vs) if vs else None,
            latest_value=last[2] if last else None, latest_date=last[0] if last else None,
            unit=m.unit, key=m.key, renamed=m.user_name is not None,
            references=refs.get(mid, 0)))
    out.sort(key=lambda r: (-r.claims, -r.outlets, r.name, r.id))
    return out


def measure_row(db: Database, measure_id: int) -> MeasureRow | None:
    """One measure's line (also for measures with a single claim)."""
    return next((r for r in list_measures(db, min_claims=0) if r.id == measure_id), None)


def resolve(db: Database, measure_id: int) -> int:
    """The measure ``measure_id`` ended up in (itself, or the one it was merged into);
    MeasureInputError when there is no such measure."""
    with db.read() as session:
        seen: set[int] = set()
        current = measure_id
        while True:
            m = session.get(Measure, current)
            if m is None:
                raise MeasureInputError(f"There is no measure {measure_id}.")
            if m.merged_into is None or m.merged_into in seen:
                return current
            seen.add(current)
            current = m.merged_into


# -- the timeline -----------------------------------------------------------------------------
def timeline_points(db: Database, measure_id: int) -> list[TimelinePoint]:
    """Every claim of a measure as a point, by date (undated last), then claim id."""
    with db.read() as session:
        m = session.get(Measure, measure_id)
        if m is None:
            raise MeasureInputError(f"There is no measure {measure_id}.")
        unit = m.unit
        rows = session.execute(
            select(MeasureMember.claim_id, MeasureMember.value, MeasureMember.low,
                   MeasureMember.high, MeasureMember.period, MeasureMember.period_stated,
                   MeasureMember.figure, Article.published, Outlet.name, Claim.sentence)
            .join(Claim, Claim.id == MeasureMember.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(MeasureMember.measure_id == measure_id,
                   MeasureMember.decision != REJECTED,
                   Claim.status != ClaimStatus.REJECTED)).all()
        in_conflict = _claims_in_conflicting_groups(session, [r[0] for r in rows])
    dated = [(point_date(r[4], r[5], r[7], unit), r) for r in rows]
    # Values of one period (a date measure: of the one event) should agree; the period is
    # the stated one, else the day of publication.
    disagree = same_period_disagreements(
        [(r[0], "*" if unit == "date" else (r[4] if r[5] else (d.isoformat() if d else None)),
          r[2], r[3]) for d, r in dated])
    points = [
        TimelinePoint(claim_id=r[0], date=when, value=r[1], low=r[2], high=r[3], outlet=r[8],
                      sentence=r[9], conflicting=r[0] in in_conflict or r[0] in disagree,
                      figure=r[6], period=r[4], value_text=value_text(r[1], unit, r[2], r[3]))
        for when, r in dated
    ]
    points.sort(key=lambda p: (p.date is None, p.date or dt.date.min, p.claim_id))
    return points


def _claims_in_conflicting_groups(session, claim_ids: Sequence[int]) -> set[int]:  # noqa: ANN001
    group_of: dict[int, int] = {}
    step = session_in_chunk(session)
    for k in range(0, len(claim_ids), step):
        chunk = list(claim_ids[k:k + step])
        groups = dict(session.execute(
            select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id).where(
                ClaimGroupMember.claim_id.in_(chunk),
                ClaimGroupMember.decision != REJECTED)).all())
        if not groups:
            continue
        group_of.update(groups)
    # Only conflicts between two groups that both state a value of this measure: a group
    # may conflict with another over a different figure.
    gids = sorted(set(group_of.values()))
    mine = set(gids)
    hit: set[int] = set()
    for j in range(0, len(gids), step):
        part = gids[j:j + step]
        for a, b in session.execute(select(GroupConflict.group_a, GroupConflict.group_b).where(
                GroupConflict.group_a.in_(part))):
            if b in mine:
                hit.update((a, b))
    return {c for c, g in group_of.items() if g in hit}


def same_period_disagreements(rows: Iterable[tuple[int, str | None, float, float]]) -> set[int]:
    """Claims whose interval does not overlap that of another claim of the same stated period
    (dates: of any period). Linear per period: a point disagrees when some other interval ends
    before it starts or starts after it ends."""
    buckets: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for cid, period, low, high in rows:
        if period and math.isfinite(low) and math.isfinite(high):
            buckets[period].append((cid, low, high))
    out: set[int] = set()
    for items in buckets.values():
        if len(items) < 2:
            continue
        highs = sorted((h, i) for i, (_c, _l, h) in enumerate(items))
        lows = sorted(((lo, i) for i, (_c, lo, _h) in enumerate(items)), reverse=True)
        for i, (cid, low, high) in enumerate(items):
            min_high = highs[0][0] if highs[0][1] != i else highs[1][0]
            max_low = lows[0][0] if lows[0][1] != i else lows[1][0]
            if low == high:  # a date or an exact value: equal is agreement
                if min_high < low or max_low > high:
                    out.add(cid)
            elif min_high <= low or max_low >= high:
                out.add(cid)
    return out


# -- reference figures and comparisons --------------------------------------------------------
def references(db: Database, measure_id: int | None = None) -> list[Reference]:
    """Reference figures of one measure (all when None), newest as-of date first."""
    with db.read() as session:
        query = select(ReferenceFigure)
        if measure_id is not None:
            query = query.where(ReferenceFigure.measure_id == measure_id)
        found = session.execute(query.order_by(ReferenceFigure.as_of.desc(),
                                               ReferenceFigure.id.desc())).scalars()
        return [_reference(r) for r in found]


def reference_at(refs: Sequence[Reference], when: dt.date | None, unit: str) -> Reference | None:
    """The reference valid at ``when``: the newest as of that day or before. A date measure's
    reference (the day an agreement was signed) holds for every claim."""
    if not refs:
        return None
    ordered = sorted(refs, key=lambda r: (r.as_of, r.id), reverse=True)
    if unit == "date":
        return ordered[0]
    if when is None:
        return None
    return next((r for r in ordered if r.as_of <= when), None)


def compare_point(point: TimelinePoint, measure_id: int, refs: Sequence[Reference],
                  unit: str) -> Comparison:
    ref = reference_at(refs, point.date, unit)
    interval = (point.low, point.high)
    if ref is None:
        return Comparison(NO_REFERENCE, point.claim_id, measure_id, interval, None, None,
                          point.date)
    r_interval = (ref.low, ref.high)
    agree = point.low <= ref.high and ref.low <= point.high
    return Comparison(CONSISTENT if agree else CONTRADICTS, point.claim_id, measure_id,
                      interval, r_interval, ref, point.date)


def compare_with_reference(db: Database, *, claim_id: int | None = None,
                           measure_id: int | None = None) -> list[Comparison]:
    """How claims compare with the reference figures: every claim of ``measure_id``, or
    ``claim_id`` in each measure it belongs to. A suggestion for the person judging the
    claim: nothing is rated or changed here."""
    if (claim_id is None) == (measure_id is None):
        raise MeasureInputError("Name either a claim or a measure to compare.")
    if measure_id is not None:
        measure_ids = [measure_id]
    else:
        with db.read() as session:
            measure_ids = sorted(session.execute(
                select(MeasureMember.measure_id).where(
                    MeasureMember.claim_id == claim_id,
                    MeasureMember.decision != REJECTED)).scalars())
    out: list[Comparison] = []
    for mid in measure_ids:
        with db.read() as session:
            m = session.get(Measure, mid)
            if m is None:
                raise MeasureInputError(f"There is no measure {mid}.")
            unit = m.unit
        refs = references(db, mid)
        for point in timeline_points(db, mid):
            if claim_id is None or point.claim_id == claim_id:
                out.append(compare_point(point, mid, refs, unit))
    return out


def measures_of_claim(db: Database, claim_id: int) -> list[int]:
    """The measures a claim states a value of."""
    with db.read() as session:
        return sorted(session.execute(
            select(MeasureMember.measure_id).where(
                MeasureMember.claim_id == claim_id,
                MeasureMember.decision != REJECTED)).scalars())
