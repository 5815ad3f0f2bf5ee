"""The timeline a briefing draws beside a claim group: the measure its claims state, when that
measure has at least three dated values (#19). Read-only.

A published-only briefing prints nothing unpublished, and its timelines neither: they draw only
claims of published checks (their last published version: outlet, sentence and value as
published, the value worked out again from the published sentence and figures, so an edit or a
re-measure after publication does not move a published point), ring only disagreements among
those, and show only the reference figures a published check cites as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from matching.measures import Assignment, ClaimInput, claim_measures
from storage.database import Database
from storage.measures import (
    Reference,
    TimelinePoint,
    measure_row,
    measures_of_claim,
    point_date,
    references,
    same_period_disagreements,
    timeline_points,
    value_text,
)
from storage.models import GroupConflict
from storage.publication import histories, published_group_ids

MIN_DATED = 3  # fewer dated values make no line worth drawing


@dataclass(frozen=True)
class GroupTimeline:
    measure_id: int
    name: str
    unit: str
    points: tuple[TimelinePoint, ...]
    references: tuple[Reference, ...]
    published_only: bool = False  # drawn from published checks only
    key: str = ""  # the measure's key (matching.measures.MeasureKey.text)

    @property
    def dated_values(self) -> int:
        return sum(1 for p in self.points if p.date is not None and p.value is not None)


@dataclass(frozen=True)
class PublishedClaim:
    """One appearance of a published version: what it printed of the claim."""

    group_id: int
    outlet: str
    sentence: str
    published: str | None  # the article's date, ISO
    figures: tuple[dict[str, Any], ...] | None  # None: a version that did not record them


@dataclass(frozen=True)
class PublishedRecord:
    """What the published checks hold that a timeline may draw."""

    claims: dict[int, PublishedClaim]
    conflicts: set[frozenset[int]]  # pairs of published groups linked as contradicting
    cited: set[str]  # evidence URLs (or titles, without a URL) of published versions


def published_record(db: Database) -> PublishedRecord:
    """The claims, group conflicts and evidence of every group's last published version."""
    claims: dict[int, PublishedClaim] = {}
    cited: set[str] = set()
    with db.read() as session:
        groups = sorted(published_group_ids(session))
        for k in range(0, len(groups), 500):
            for gid, versions in histories(session, groups[k:k + 500]).items():
                snap = versions[-1].snapshot
                for a in snap.get("appearances") or []:
                    if isinstance(a, dict) and a.get("claim_id"):
                        figures = a.get("figures")
                        claims[int(a["claim_id"])] = PublishedClaim(
                            gid, str(a.get("outlet") or ""), str(a.get("sentence") or ""),
                            str(a["published"]) if a.get("published") else None,
                            tuple(f for f in figures if isinstance(f, dict))
                            if isinstance(figures, list) else None)
                for e in snap.get("evidence") or []:
                    if isinstance(e, dict) and (e.get("url") or e.get("title")):
                        cited.add(str(e.get("url") or e.get("title")))
        published = set(groups)
        conflicts = {frozenset((a, b)) for a, b in session.execute(
            select(GroupConflict.group_a, GroupConflict.group_b))
            if a in published and b in published}
    return PublishedRecord(claims, conflicts, cited)


def _offset(sentence: str, figures: Sequence[dict[str, Any]]) -> int:
    """Where the sentence starts in its article, from a figure's article offset and its place
    in the sentence (a published version records the figures, not the claim's offset)."""
    for f in figures:
        text, start = f.get("text"), f.get("start")
        if isinstance(text, str) and text and isinstance(start, int):
            at = sentence.find(text)
            if at >= 0:
                return start - at
    return 0


def _as_published(p: TimelinePoint, claim: PublishedClaim, unit: str,
                  key: str) -> TimelinePoint | None:
    """``p`` with the value its published version states of the measure (the same figure, else
    the figure of the measure's key: the figure itself may have been edited since), or None
    when that version states none; a version without recorded figures keeps ``p``."""
    if claim.figures is None:
        return replace(p, outlet=claim.outlet or p.outlet, sentence=claim.sentence or p.sentence)
    stated: list[Assignment] = claim_measures(ClaimInput(
        p.claim_id, claim.sentence, claim.figures, _offset(claim.sentence, claim.figures),
        claim.published))
    same = ([a for a in stated if a.unit == unit and a.figure == p.figure]
            or [a for a in stated if key and a.key.text == key])
    if not same:
        return None
    a = same[0]
    try:
        published = dt.date.fromisoformat(claim.published[:10]) if claim.published else None
    except ValueError:
        published = None
    return replace(p, outlet=claim.outlet or p.outlet, sentence=claim.sentence or p.sentence,
                   value=a.value, low=a.low, high=a.high, period=a.period,
                   date=point_date(a.period, a.period_stated, published, unit),
                   value_text=value_text(a.value, unit, a.low, a.high))


def published_only(t: GroupTimeline, record: PublishedRecord) -> GroupTimeline:
    """``t`` as a published-only output may show it (see the module's docstring)."""
    kept = [q for q in (_as_published(p, record.claims[p.claim_id], t.unit, t.key)
                        for p in t.points if p.claim_id in record.claims) if q is not None]
    # Rings: values of one period (a date measure: of the one event) that disagree, as the
    # live timeline rings them, but among published values only; and claims of two published
    # groups linked as contradicting, when both state a value of this measure.
    disagree = same_period_disagreements(
        (p.claim_id, "*" if t.unit == "date" else (p.date.isoformat() if p.date else None),
         p.low, p.high) for p in kept)
    groups = {record.claims[p.claim_id].group_id for p in kept}
    linked = {g for pair in record.conflicts if pair <= groups for g in pair}
    points = tuple(replace(p, conflicting=p.claim_id in disagree
                           or record.claims[p.claim_id].group_id in linked) for p in kept)
    refs = tuple(r for r in t.references if (r.url or r.source_title) in record.cited)
    return replace(t, points=points, references=refs, published_only=True)


def group_timeline(db: Database, claim_ids: Sequence[int],
                   cache: dict[int, GroupTimeline | None] | None = None,
                   record: PublishedRecord | None = None) -> GroupTimeline | None:
    """The timeline of the measure the claims state with the most dated values (≥ 3), or None;
    with ``record``, of published checks only."""
    cache = {} if cache is None else cache
    best: GroupTimeline | None = None
    for measure_id in sorted({m for c in claim_ids for m in measures_of_claim(db, c)}):
        if measure_id not in cache:
            row = measure_row(db, measure_id)
            found = None if row is None else GroupTimeline(
                measure_id, row.name, row.unit, tuple(timeline_points(db, measure_id)),
                tuple(references(db, measure_id)), key=row.key)
            cache[measure_id] = found if found is None or record is None \
                else published_only(found, record)
        found = cache[measure_id]
        if found is not None and found.dated_values >= MIN_DATED and (
                best is None or found.dated_values > best.dated_values):
            best = found
    return best


def with_timelines(db: Database, groups: Sequence[Any], status: str = "all") -> list[Any]:
    """``groups`` (export.data.GroupReport) with the ``timeline`` of each one that has one; for a
    published-only output (``status`` "published") drawn from published checks only."""
    cache: dict[int, GroupTimeline | None] = {}
    record = published_record(db) if status == "published" else None
    out = []
    for g in groups:
        timeline = group_timeline(db, [a.claim_id for a in g.appearances], cache, record)
        out.append(replace(g, timeline=timeline) if timeline is not None else g)
    return out
