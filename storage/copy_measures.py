"""Copying a person's measure work between databases: names, merges, splits, claim decisions, reference figures.

What matching works out (automatic measure values) is not copied: the destination works it
out itself after the copy. What a person did is: a measure is recognised by its key (a split
measure's key is unique to its split), a claim through ``storage.copy``'s claim map. The
destination's own decisions win; a reference figure already there (same measure, as-of date,
value and source) is not added twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import column as sa_column
from sqlalchemy import insert, select, update
from sqlalchemy import table as sa_table
from sqlmodel import Session

from storage import copy_rules as rules
from storage.copy_records import Take
from storage.measure_models import Measure, MeasureMember, ReferenceFigure
from storage.models import utcnow

_DECISIONS = ("confirmed", "rejected")
_RAW_COLUMNS = {
    "measure": ("id", "key", "name", "user_name", "unit", "merged_into"),
    "measure_member": ("id", "measure_id", "claim_id", "figure", "value", "low", "high",
                       "period", "period_stated", "decision", "decided_by", "decided_at"),
    "reference_figure": ("id", "measure_id", "value", "low", "high", "as_of", "source_title",
                         "publisher", "url", "quote", "captured_on", "entered_by",
                         "created_at"),
}


def _raw(session: Session, name: str) -> list[dict[str, Any]]:
    t = sa_table(name, *(sa_column(c) for c in _RAW_COLUMNS[name]))
    return [dict(r._mapping) for r in session.execute(select(*t.c).order_by(t.c.id))]


def _measure(row: dict[str, Any]) -> dict[str, Any]:
    return {"key": rules.text(row, "key", required=True),
            "name": rules.text(row, "name", required=True),
            "user_name": rules.text(row, "user_name"),
            "unit": rules.text(row, "unit") or ""}


def _member(row: dict[str, Any]) -> dict[str, Any]:
    if row.get("decision") not in _DECISIONS:
        raise rules.BadRow(f"decision is not one of {', '.join(_DECISIONS)}")
    low = rules.number(row.get("low"), "low")
    high = row.get("high")  # an open bound is stored as infinity
    if not (isinstance(high, int | float) and not isinstance(high, bool) and high == high):
        raise rules.BadRow("high is not a number")
    return {"figure": rules.text(row, "figure") or "",
            "value": rules.number(row.get("value"), "value", optional=True),
            "low": low, "high": float(high), "period": rules.text(row, "period"),
            "period_stated": bool(row.get("period_stated")), "decision": row["decision"],
            "decided_by": rules.text(row, "decided_by"),
            "decided_at": rules.moment(row, "decided_at", optional=True)}


def _reference(row: dict[str, Any]) -> dict[str, Any]:
    as_of = rules.date(row, "as_of")
    if as_of is None:
        raise rules.BadRow("as_of is missing")
    url = rules.web_link(row, "url") if row.get("url") else None
    return {"value": rules.number(row.get("value"), "value", optional=True),
            "low": rules.number(row.get("low"), "low"),
            "high": rules.number(row.get("high"), "high"), "as_of": as_of,
            "source_title": rules.text(row, "source_title", required=True),
            "publisher": rules.text(row, "publisher"), "url": url,
            "quote": rules.text(row, "quote", rules.MAX_TEXT_CHARS),
            "captured_on": rules.date(row, "captured_on"),
            "entered_by": rules.text(row, "entered_by", required=True),
            "created_at": rules.moment(row, "created_at", optional=True) or utcnow()}


@dataclass
class MeasureWork:
    """The source's measure work, validated."""

    measures: dict[int, dict[str, Any]] = field(default_factory=dict)  # by source id
    merged: dict[int, int] = field(default_factory=dict)  # source measure -> merged into
    members: list[dict[str, Any]] = field(default_factory=list)  # decided ones only
    references: list[dict[str, Any]] = field(default_factory=list)


def read_measure_work(session: Session, take: Take, claim_ids: set[int]) -> MeasureWork:
    """The source's measures a person touched (named, merged, split, decided a claim of, gave
    a reference figure) and those decisions; ``take`` skips and lists a bad row."""
    out = MeasureWork()
    for row in _raw(session, "measure"):
        got = take("measure", row, _measure)
        if got:
            out.measures[got["id"]] = got
            if isinstance(row.get("merged_into"), int):
                out.merged[got["id"]] = row["merged_into"]
    for row in _raw(session, "measure_member"):
        if row.get("decision") == "auto":
            continue  # matching's: worked out again in the destination
        got = take("measure decision", row, _member,
                   ("measure", row.get("measure_id") in out.measures),
                   ("claim", row.get("claim_id") in claim_ids))
        if got:
            out.members.append(got | {"measure_id": row["measure_id"],
                                      "claim_id": row["claim_id"]})
    for row in _raw(session, "reference_figure"):
        got = take("reference figure", row, _reference,
                   ("measure", row.get("measure_id") in out.measures))
        if got:
            out.references.append(got | {"measure_id": row["measure_id"]})
    out.merged = {a: b for a, b in out.merged.items() if b in out.measures and a != b}
    return out


@dataclass
class MeasuresReport:
    measures: int = 0  # measures created here (a person's work needed them)
    names: int = 0  # names and merges taken over
    decisions: int = 0  # claims a person put into or took out of a measure
    references: int = 0
    # Destination measures whose name or decisions differ from the source's: kept, listed.
    differing: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.measures, self.names, self.decisions, self.references))

    def lines(self) -> list[str]:
        out = []
        if self.changed:
            out.append(f"measures: {self.names} names or merges, {self.decisions} claim "
                       f"decisions, {self.references} reference figures taken over "
                       f"({self.measures} measures added)")
        if self.differing:
            ids = ", ".join(str(m) for m in self.differing)
            out.append(f"kept the destination's own measure decisions where the source's "
                       f"differ: measure(s) {ids}")
        return out


def _touched(src: MeasureWork) -> set[int]:
    """Source measures with a person's work, and the measures they were merged into."""
    touched = {mid for mid, m in src.measures.items() if m["user_name"] is not None}
    touched |= set(src.merged) | set(src.merged.values())
    touched |= {m["measure_id"] for m in src.members} | {r["measure_id"] for r in src.references}
    touched |= {mid for mid, m in src.measures.items() if m["key"].startswith("split:")}
    return touched


def _final(session: Session, mid: int) -> int:
    seen = {mid}
    while (nxt := session.execute(select(Measure.merged_into).where(Measure.id == mid)
                                  ).scalar_one_or_none()) is not None and nxt not in seen:
        seen.add(nxt)
        mid = nxt
    return mid


def merge_measure_work(session: Session, src: MeasureWork, claim_ids: dict[int, int]
                       ) -> MeasuresReport:
    """Add the source's measure work the destination lacks; ``claim_ids`` maps source claims
    to destination ones."""
    report = MeasuresReport()
    ids: dict[int, int] = {}
    for mid in sorted(_touched(src)):
        m = src.measures[mid]
        here = session.execute(select(Measure).where(Measure.key == m["key"])).scalar_one_or_none()
        if here is None:
            now = utcnow()
            ids[mid] = session.execute(insert(Measure).values(
                key=m["key"], name=m["name"], user_name=m["user_name"], unit=m["unit"],
                merged_into=None, created_at=now, updated_at=now).returning(Measure.id)
            ).scalar_one()
            report.measures += 1
            report.names += m["user_name"] is not None
            continue
        ids[mid] = here.id
        if m["user_name"] is not None and here.user_name is None:
            session.execute(update(Measure).where(Measure.id == here.id).values(
                user_name=m["user_name"], updated_at=utcnow()))
            report.names += 1
        elif m["user_name"] not in (None, here.user_name):
            report.differing.append(here.id)
    for a, b in sorted(src.merged.items()):
        da, db_ = ids[a], ids[b]
        current = session.execute(select(Measure.merged_into).where(Measure.id == da)
                                  ).scalar_one()
        if current is None and _final(session, db_) != da:  # never a merge cycle
            session.execute(update(Measure).where(Measure.id == da).values(
                merged_into=db_, updated_at=utcnow()))
            report.names += 1
        elif current is not None and current != db_ and da not in report.differing:
            report.differing.append(da)
    for m in src.members:
        cid = claim_ids.get(m["claim_id"])
        if cid is None:
            continue
        mid = ids[m["measure_id"]]
        values = {k: m[k] for k in ("figure", "value", "low", "high", "period",
                                    "period_stated", "decision", "decided_by", "decided_at")}
        here = session.execute(select(MeasureMember.id, MeasureMember.decision).where(
            MeasureMember.measure_id == mid, MeasureMember.claim_id == cid)).first()
        if here is None:
            session.execute(insert(MeasureMember).values(measure_id=mid, claim_id=cid, **values))
            report.decisions += 1
        elif here[1] == "auto":  # a person's decision beats matching's
            session.execute(update(MeasureMember).where(MeasureMember.id == here[0])
                            .values(**values))
            report.decisions += 1
        elif here[1] != m["decision"] and mid not in report.differing:
            report.differing.append(mid)
    for r in src.references:
        mid = ids[r["measure_id"]]
        same = session.execute(select(ReferenceFigure.id).where(
            ReferenceFigure.measure_id == mid, ReferenceFigure.as_of == r["as_of"],
            ReferenceFigure.low == r["low"], ReferenceFigure.high == r["high"],
            ReferenceFigure.source_title == r["source_title"])).first()
        if same is None:
            session.execute(insert(ReferenceFigure).values(
                measure_id=mid, **{k: v for k, v in r.items() if k not in ("id", "measure_id")}))
            report.references += 1
    return report
