"""Copying the fact-check library, published verdict versions and the desk's settings from
another database: the part of storage/copy.py for the tables added after it.

Rows are recognised by content, as in storage/copy.py: a fact-check by its review key (URL and
claim, recomputed from the row, never taken from it), a "same claim" link by its group and
fact-check, a verdict's published versions by its group. Nothing is overwritten: a group whose
published history differs keeps the destination's (and is listed); a setting the destination
has keeps its value. Two-person review is the destination's own policy and is never copied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import column as sa_column
from sqlalchemy import insert, select
from sqlalchemy import table as sa_table
from sqlmodel import Session

from storage import copy_rules as rules
from storage import settings as desk
from storage.factcheck_models import FactCheck, FactCheckLink
from storage.factchecks import NewFactCheck
from storage.models import Setting, VerdictVersion, utcnow

# The settings a copy brings over where the destination has none: who publishes and where.
COPIED_SETTINGS = (desk.ORGANISATION, desk.CORRECTIONS, desk.BASE_URL)
_FACT_CHECK_FIELDS = ("claim", "title", "claimant", "rating_text", "rating", "publisher", "url",
                      "review_date", "language", "source_file", "source_format", "imported_at")
_RAW_COLUMNS = {
    "fact_check": ("id", *_FACT_CHECK_FIELDS),
    "fact_check_link": ("id", "group_id", "fact_check_id", "linked_by", "linked_at"),
    "verdict_version": ("id", "group_id", "number", "reason", "published_at", "published_by",
                        "snapshot"),
    "setting": ("key", "value", "updated_at", "updated_by"),
}

Take = Callable[..., dict[str, Any] | None]  # storage.copy._Reader.take


def _raw(session: Session, name: str) -> list[dict[str, Any]]:
    t = sa_table(name, *(sa_column(c) for c in _RAW_COLUMNS[name]))
    order = t.c.key if name == "setting" else t.c.id
    return [dict(r._mapping) for r in session.execute(select(*t.c).order_by(order))]


@dataclass
class Records:
    """The source's library, links, versions and settings, validated."""

    fact_checks: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    versions: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # by source group
    settings: list[dict[str, Any]] = field(default_factory=list)


def read_records(session: Session, take: Take, skipped: list[str],
                 group_ids: set[int]) -> Records:
    """Read and check the source's rows; ``take`` skips and lists (in ``skipped``) a bad one
    and what hangs from it; ``group_ids`` are the source's claim groups that passed."""
    out = Records()
    for row in _raw(session, "fact_check"):
        got = take("fact-check", row, rules.fact_check)
        if got:
            out.fact_checks.append(got)
    check_ids = {c["id"] for c in out.fact_checks}
    for row in _raw(session, "fact_check_link"):
        got = take("same-claim link", row, rules.fact_check_link,
                   ("fact-check", row["fact_check_id"] in check_ids),
                   ("claim group", row["group_id"] in group_ids))
        if got:
            out.links.append(got | {"group_id": row["group_id"],
                                    "fact_check_id": row["fact_check_id"]})
    broken: set[int] = set()
    for row in _raw(session, "verdict_version"):
        # A version outlives its group (no foreign key): one without a group here has
        # nowhere to go, which is no fault of the row.
        if row["group_id"] not in group_ids:
            continue
        got = take("published verdict version", row, rules.verdict_version)
        if got:
            out.versions.setdefault(row["group_id"], []).append(got)
        else:
            broken.add(row["group_id"])
    for group_id in sorted(broken):  # a history is one piece: none rather than half of one
        for got in out.versions.pop(group_id, []):
            skipped.append(f"published verdict version {got['id']} (another version of its "
                           "claim group was skipped)")
    for row in _raw(session, "setting"):
        if row.get("key") not in COPIED_SETTINGS:
            continue
        try:
            out.settings.append(_setting(row))
        except rules.BadRow as exc:
            skipped.append(f"setting {row['key']} ({exc})")
    return out


def _setting(row: dict[str, Any]) -> dict[str, Any]:
    got = rules.setting(row)
    if got["key"] == desk.BASE_URL:
        rules.web_link(got, "value")
    return got


@dataclass
class RecordsReport:
    fact_checks: int = 0
    links: int = 0
    versions: int = 0
    settings: int = 0
    # Destination groups whose published history differs from the source's: kept, listed.
    differing_versions: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.fact_checks, self.links, self.versions, self.settings))


def merge_records(session: Session, src: Records, group_ids: dict[int, int],
                  differing_verdicts: list[int], chunk: int) -> RecordsReport:
    """Add what the destination lacks; ``group_ids`` maps source groups to destination ones,
    ``differing_verdicts`` the destination groups that kept their own verdict."""
    report = RecordsReport()
    check_ids = _fact_checks(session, src.fact_checks, report, chunk)
    _links(session, src.links, group_ids, check_ids, report)
    _versions(session, src.versions, group_ids, differing_verdicts, report)
    _settings(session, src.settings, report)
    return report


def _fact_checks(session: Session, rows: list[dict[str, Any]], report: RecordsReport,
                 chunk: int) -> dict[int, int]:
    keys = [NewFactCheck(claim=r["claim"], publisher=r["publisher"], url=r["url"],
                         rating_text=r["rating_text"]).key() for r in rows]
    known: dict[str, int] = {}
    distinct = sorted(set(keys))
    for k in range(0, len(distinct), chunk):
        known.update(session.execute(select(FactCheck.content_key, FactCheck.id).where(
            FactCheck.content_key.in_(distinct[k:k + chunk]))).all())
    new: list[tuple[dict[str, Any], str]] = []
    seen: set[str] = set()
    for row, key in zip(rows, keys, strict=True):
        if key not in known and key not in seen:  # the same review twice in the source too
            new.append((row, key))
            seen.add(key)
    if new:
        table = FactCheck.__table__
        ids = session.connection().execute(
            table.insert().returning(table.c.id, sort_by_parameter_order=True),
            [{**{f: row[f] for f in _FACT_CHECK_FIELDS}, "content_key": key}
             for row, key in new]).scalars().all()
        known.update((key, i) for (_, key), i in zip(new, ids, strict=True))
        report.fact_checks = len(new)
    return {row["id"]: known[key] for row, key in zip(rows, keys, strict=True)}


def _links(session: Session, rows: list[dict[str, Any]], group_ids: dict[int, int],
           check_ids: dict[int, int], report: RecordsReport) -> None:
    known = set(session.execute(select(FactCheckLink.group_id, FactCheckLink.fact_check_id)))
    for row in rows:
        pair = (group_ids.get(row["group_id"]), check_ids.get(row["fact_check_id"]))
        if pair[0] is None or pair[1] is None or pair in known:
            continue
        session.execute(insert(FactCheckLink).values(
            group_id=pair[0], fact_check_id=pair[1], linked_by=row["linked_by"],
            linked_at=row["linked_at"]))
        known.add(pair)
        report.links += 1


def _versions(session: Session, versions: dict[int, list[dict[str, Any]]],
              group_ids: dict[int, int], differing_verdicts: list[int],
              report: RecordsReport) -> None:
    for src_group, rows in versions.items():
        target = group_ids.get(src_group)
        if target is None:
            continue
        here = [tuple(v) for v in session.execute(
            select(VerdictVersion.number, VerdictVersion.reason, VerdictVersion.published_by,
                   VerdictVersion.snapshot)
            .where(VerdictVersion.group_id == target).order_by(VerdictVersion.number))]
        theirs = sorted(((r["number"], r["reason"], r["published_by"], r["snapshot"])
                         for r in rows), key=lambda v: v[0])
        if here or target in differing_verdicts:
            # A history is one piece: never half of one side's beside the other's.
            if here != theirs and target not in report.differing_versions:
                report.differing_versions.append(target)
            continue
        numbers = [v[0] for v in theirs]
        if len(set(numbers)) != len(numbers):
            report.differing_versions.append(target)
            continue
        session.execute(insert(VerdictVersion), [
            {"group_id": target, "number": r["number"], "reason": r["reason"],
             "published_at": r["published_at"], "published_by": r["published_by"],
             "snapshot": r["snapshot"]} for r in sorted(rows, key=lambda r: r["number"])])
        report.versions += len(rows)


def _settings(session: Session, rows: list[dict[str, Any]], report: RecordsReport) -> None:
    for row in rows:
        if session.get(Setting, row["key"]) is not None:
            continue  # the destination's own value stands
        session.execute(insert(Setting).values(
            key=row["key"], value=row["value"], updated_at=row["updated_at"] or utcnow(),
            updated_by=row["updated_by"]))
        report.settings += 1
