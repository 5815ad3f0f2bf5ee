"""The timeline a briefing draws beside a claim group: the measure its claims state, when that
measure has at least three dated values (#19). Read-only.

A published-only briefing prints nothing unpublished, and its timelines neither: they draw only
claims of published checks (their last published version: outlet and sentence as published),
with the value the published version states: a claim whose figures were edited after
publication is left out, as its value is worked out from the figures it states now (export
does not redo matching's arithmetic); ring only disagreements among those, and show only the
reference figures a published check cites as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from storage.database import Database
from storage.measures import (
    Reference,
    TimelinePoint,
    measure_row,
    measures_of_claim,
    references,
    same_period_disagreements,
    timeline_points,
)
from storage.models import Claim, GroupConflict
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

    @property
    def dated_values(self) -> int:
        return sum(1 for p in self.points if p.date is not None and p.value is not None)


@dataclass(frozen=True)
class PublishedClaim:
    """One appearance of a published version: what it printed of the claim."""

    group_id: int
    outlet: str
    sentence: str
    # The published version states what the claim states now (the figures its value is
    # worked out from; the sentence for a version that did not record its figures).
    unchanged: bool = True


@dataclass(frozen=True)
class PublishedRecord:
    """What the published checks hold that a timeline may draw."""

    claims: dict[int, PublishedClaim]
    conflicts: set[frozenset[int]]  # pairs of published groups linked as contradicting
    cited: set[str]  # evidence URLs (or titles, without a URL) of published versions


def published_record(db: Database) -> PublishedRecord:
    """The claims, group conflicts and evidence of every group's last published version."""
    claims: dict[int, PublishedClaim] = {}
    stated: dict[int, dict[str, Any]] = {}  # claim id -> its appearance in the snapshot
    cited: set[str] = set()
    with db.read() as session:
        groups = sorted(published_group_ids(session))
        for k in range(0, len(groups), 500):
            for gid, versions in histories(session, groups[k:k + 500]).items():
                snap = versions[-1].snapshot
                for a in snap.get("appearances") or []:
                    if isinstance(a, dict) and a.get("claim_id"):
                        claims[int(a["claim_id"])] = PublishedClaim(
                            gid, str(a.get("outlet") or ""), str(a.get("sentence") or ""))
                        stated[int(a["claim_id"])] = a
                for e in snap.get("evidence") or []:
                    if isinstance(e, dict) and (e.get("url") or e.get("title")):
                        cited.add(str(e.get("url") or e.get("title")))
        ids = sorted(claims)
        for k in range(0, len(ids), 500):
            for cid, sentence, figures in session.execute(
                    select(Claim.id, Claim.sentence, Claim.figures)
                    .where(Claim.id.in_(ids[k:k + 500]))):
                if not _states_the_same(stated[cid], sentence, figures):
                    claims[cid] = replace(claims[cid], unchanged=False)
        published = set(groups)
        conflicts = {frozenset((a, b)) for a, b in session.execute(
            select(GroupConflict.group_a, GroupConflict.group_b))
            if a in published and b in published}
    return PublishedRecord(claims, conflicts, cited)


def _figure_key(f: Any) -> tuple[Any, ...]:
    """What a figure states, without where it stands in the article."""
    if not isinstance(f, dict):
        return ()
    return tuple(sorted((k, repr(v)) for k, v in f.items() if k not in ("start", "end")))


def _states_the_same(appearance: dict[str, Any], sentence: str, figures: Any) -> bool:
    """Whether a published appearance states what the claim states now: the same figures (a
    reworded sentence with the same figures has the same values), or for a version that did
    not record its figures, the same sentence."""
    published = appearance.get("figures")
    if not isinstance(published, list):
        return appearance.get("sentence") == sentence
    return (sorted(map(_figure_key, published))
            == sorted(map(_figure_key, figures if isinstance(figures, list) else [])))


def published_only(t: GroupTimeline, record: PublishedRecord) -> GroupTimeline:
    """``t`` as a published-only output may show it (see the module's docstring)."""
    kept = [replace(p, outlet=record.claims[p.claim_id].outlet or p.outlet,
                    sentence=record.claims[p.claim_id].sentence or p.sentence)
            for p in t.points
            if p.claim_id in record.claims and record.claims[p.claim_id].unchanged]
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
                tuple(references(db, measure_id)))
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
