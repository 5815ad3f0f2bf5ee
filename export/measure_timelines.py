"""The timeline a briefing draws beside a claim group: the measure its claims state, when that
measure has at least three dated values (#19). Read-only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from storage.database import Database
from storage.measures import (
    Reference,
    TimelinePoint,
    measure_row,
    measures_of_claim,
    references,
    timeline_points,
)

MIN_DATED = 3  # fewer dated values make no line worth drawing


@dataclass(frozen=True)
class GroupTimeline:
    measure_id: int
    name: str
    unit: str
    points: tuple[TimelinePoint, ...]
    references: tuple[Reference, ...]

    @property
    def dated_values(self) -> int:
        return sum(1 for p in self.points if p.date is not None and p.value is not None)


def group_timeline(db: Database, claim_ids: Sequence[int],
                   cache: dict[int, GroupTimeline | None] | None = None) -> GroupTimeline | None:
    """The timeline of the measure the claims state with the most dated values (≥ 3), or None."""
    cache = {} if cache is None else cache
    best: GroupTimeline | None = None
    for measure_id in sorted({m for c in claim_ids for m in measures_of_claim(db, c)}):
        if measure_id not in cache:
            row = measure_row(db, measure_id)
            cache[measure_id] = None if row is None else GroupTimeline(
                measure_id, row.name, row.unit, tuple(timeline_points(db, measure_id)),
                tuple(references(db, measure_id)))
        found = cache[measure_id]
        if found is not None and found.dated_values >= MIN_DATED and (
                best is None or found.dated_values > best.dated_values):
            best = found
    return best


def with_timelines(db: Database, groups: Sequence[Any]) -> list[Any]:
    """``groups`` (export.data.GroupReport) with the ``timeline`` of each one that has one."""
    cache: dict[int, GroupTimeline | None] = {}
    out = []
    for g in groups:
        timeline = group_timeline(db, [a.claim_id for a in g.appearances], cache)
        out.append(replace(g, timeline=timeline) if timeline is not None else g)
    return out
