"""Read-only loading of claim groups for export: plain dataclasses, a handful of batched selects.

Nothing here writes. Every export (PDF, ClaimReview, CSV) reads through :func:`load_selection`
so they agree on which groups a ``--status``/``--group`` choice means.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, or_, select
from sqlmodel import Session

from export.figure_conflicts import ConflictingFigure, FigureConflict, conflicting_figures
from export.ratings import rating_label
from storage.database import Database
from storage.factchecks import linked_fact_checks_of
from storage.models import (
    Article,
    AuditEntry,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    Evidence,
    GroupConflict,
    MemberDecision,
    Outlet,
    Verdict,
    VerdictStatus,
    VerdictVersion,
)
from storage.publication import PublishedVersion, histories, published_group_ids
from storage.verdicts import STATUS_LABELS

__all__ = ["ConflictingFigure", "FigureConflict", "conflicting_figures"]

StatusChoice = Literal["published", "approved", "all"]
STATUS_CHOICES: tuple[str, ...] = ("published", "approved", "all")
_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


@dataclass(frozen=True)
class Appearance:
    """One claim of the group as one outlet stated it."""

    claim_id: int
    outlet: str
    published: dt.date | None
    sentence: str
    url: str | None
    article_title: str | None
    claimant: str | None
    figures: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class EvidenceItem:
    position: int
    title: str
    publisher: str | None
    url: str | None
    published: dt.date | None
    quote: str | None
    note: str | None


@dataclass(frozen=True)
class ConflictingGroup:
    """Another claim group that states the same claim with figures that disagree (recorded by
    matching, which keeps such claims apart and links the two groups)."""

    group_id: int
    canonical_text: str
    rating: str | None
    outlets: tuple[str, ...]
    # Pairs of figure texts that differ, as matching explained them (sides not attributed).
    differing: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Correction:
    """A published correction of the verdict: when, why, and the rating it gave."""

    number: int
    at: dt.datetime
    reason: str
    rating: str | None = None
    # The rating of the version it replaced.
    previous_rating: str | None = None


@dataclass(frozen=True)
class VerdictInfo:
    rating: str | None
    summary: str
    rationale: str
    reviewer: str | None
    status: str
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    # When the verdict last went to "published" (from the audit log), if it ever did.
    published_at: dt.datetime | None
    evidence: tuple[EvidenceItem, ...] = ()
    # Published corrections, oldest first (a published output prints them with their reason).
    corrections: tuple[Correction, ...] = ()

    @property
    def modified_at(self) -> dt.datetime:
        """The last published change: the latest correction, else the last update."""
        return self.corrections[-1].at if self.corrections else self.updated_at


@dataclass(frozen=True)
class GroupReport:
    """Everything an export shows about one claim group."""

    id: int
    canonical_text: str
    category: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    verdict: VerdictInfo | None
    appearances: tuple[Appearance, ...] = ()
    conflicts: tuple[FigureConflict, ...] = ()
    conflicting_groups: tuple[ConflictingGroup, ...] = ()
    # Published fact-checks of the same claim a person linked (storage.factchecks.LibraryEntry).
    also_checked: tuple[Any, ...] = ()
    # The timeline of the measure its claims state (export.measure_timelines.GroupTimeline), #19.
    timeline: Any = None

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts or self.conflicting_groups)

    @property
    def rating(self) -> str | None:
        return self.verdict.rating if self.verdict else None

    @property
    def rating_label(self) -> str:
        return rating_label(self.rating)

    @property
    def status_label(self) -> str:
        if self.verdict is None:
            return "No verdict"
        label = STATUS_LABELS.get(self.verdict.status, self.verdict.status)
        if self.verdict.status == VerdictStatus.PUBLISHED and self.verdict.corrections:
            label += " (corrected)"
        return label

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets, in order of first appearance."""
        return list(dict.fromkeys(a.outlet for a in self.appearances))

    @property
    def first_published(self) -> dt.date | None:
        dates = [a.published for a in self.appearances if a.published]
        return min(dates) if dates else None

    @property
    def claimant(self) -> str | None:
        return next((a.claimant for a in self.appearances if a.claimant), None)

    @property
    def content_hash(self) -> str:
        return claim_text_hash(self.canonical_text)


@dataclass
class Selection:
    """The groups an export covers, and what the user asked for that is not in it (and why)."""

    groups: list[GroupReport]
    missing: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)


def claim_text_hash(text: str) -> str:
    """Content hash of a claim's wording: how two databases recognise the same claim group.

    NFKC, case-folded, whitespace collapsed — so re-typing or re-wrapping does not matter.
    """
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _statuses(status: str) -> tuple[str, ...] | None:
    if status == "published":
        return (VerdictStatus.PUBLISHED,)
    if status == "approved":
        return (VerdictStatus.APPROVED, VerdictStatus.PUBLISHED)
    if status == "all":
        return None
    raise ValueError(f"unknown status choice {status!r} (one of {', '.join(STATUS_CHOICES)})")


def _qualifies(status: str, live: str | None, published_before: bool) -> bool:
    """Whether a group belongs in an output of ``status``: published-only means a published
    version exists (a verdict sent back for correction stays published as it was)."""
    if status == "all":
        return True
    if status == "published":
        return published_before or live == VerdictStatus.PUBLISHED
    return published_before or live in (VerdictStatus.APPROVED, VerdictStatus.PUBLISHED)


def _uses_snapshot(status: str, live: str | None, published_before: bool) -> bool:
    """Whether an output of ``status`` prints the group's last published version rather than
    its live state: always for a published verdict, and in published-only outputs (and in
    approved ones, unless an approved correction is waiting) for anything published before."""
    if not published_before:
        return False
    if live == VerdictStatus.PUBLISHED or status == "published":
        return True
    return status == "approved" and live != VerdictStatus.APPROVED


def select_group_ids(
    session: Session, status: str, group_ids: Sequence[int] | None = None
) -> Selection:
    """Ids of the groups ``status`` covers (all of them, or only among ``group_ids``), in id order;
    requested ids that do not exist or whose verdict does not qualify are reported."""
    wanted = _statuses(status)
    query = select(ClaimGroup.id, Verdict.status).outerjoin(Verdict, Verdict.group_id == ClaimGroup.id)
    rows: list[tuple[int, str | None]] = []
    if group_ids:
        unique = sorted(set(group_ids))
        for chunk in _chunks(unique):
            rows += [(r[0], r[1]) for r in session.execute(query.where(ClaimGroup.id.in_(chunk)))]
    else:
        if wanted is not None:
            query = query.where(or_(Verdict.status.in_(wanted),
                                    ClaimGroup.id.in_(select(VerdictVersion.group_id))))
        rows = [(r[0], r[1]) for r in session.execute(query.order_by(ClaimGroup.id))]
    published_before = published_group_ids(session) if wanted is not None else set()
    selection = Selection(groups=[])
    found = {gid for gid, _ in rows}
    selection.missing = sorted(set(group_ids or ()) - found)
    keep: list[int] = []
    for gid, verdict_status in sorted(rows):
        if _qualifies(status, verdict_status, gid in published_before):
            keep.append(gid)
        elif verdict_status is None:
            selection.skipped[gid] = "it has no verdict yet"
        else:
            label = STATUS_LABELS.get(verdict_status, verdict_status)
            selection.skipped[gid] = f"its verdict is {label.lower()}"
    selection.groups = load_groups(session, keep, status)
    return selection


def load_selection(db: Database, status: str, group_ids: Sequence[int] | None = None) -> Selection:
    """The groups for an export, read in one consistent snapshot."""
    with db.read() as session:
        selection = select_group_ids(session, status, group_ids)
    from export.measure_timelines import with_timelines  # #19

    selection.groups = with_timelines(db, selection.groups, status)
    return selection


def load_groups(session: Session, group_ids: Sequence[int], status: str = "all") -> list[GroupReport]:
    """Full reports for ``group_ids`` (in that order) as an output of ``status`` shows them
    (published verdicts from their published version): a few selects per 500 groups, never
    one per group."""
    _statuses(status)
    out: list[GroupReport] = []
    for chunk in _chunks(list(group_ids)):
        out += _load_chunk(session, chunk, status)
    return out


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _snapshot_appearances(snapshot: dict[str, Any]) -> list[Appearance]:
    return [Appearance(
        claim_id=int(a.get("claim_id") or 0), outlet=str(a.get("outlet") or ""),
        published=_day(a.get("published")), sentence=str(a.get("sentence") or ""),
        url=a.get("url"), article_title=a.get("article_title"), claimant=a.get("claimant"),
        figures=tuple(f for f in (a.get("figures") or []) if isinstance(f, dict)))
        for a in snapshot.get("appearances") or [] if isinstance(a, dict)]


def _corrections(versions: Sequence[PublishedVersion]) -> tuple[Correction, ...]:
    return tuple(Correction(number=v.number, at=v.published_at, reason=v.reason or "",
                            rating=v.snapshot.get("rating"),
                            previous_rating=versions[i - 1].snapshot.get("rating"))
                 for i, v in enumerate(versions) if v.is_correction and i > 0)


def _published_info(versions: Sequence[PublishedVersion]) -> VerdictInfo:
    last = versions[-1]
    snap = last.snapshot
    evidence = tuple(EvidenceItem(
        position=n, title=str(e.get("title") or ""), publisher=e.get("publisher"), url=e.get("url"),
        published=_day(e.get("published")), quote=e.get("quote"), note=e.get("note"))
        for n, e in enumerate(snap.get("evidence") or []) if isinstance(e, dict))
    return VerdictInfo(
        rating=snap.get("rating"), summary=str(snap.get("summary") or ""),
        rationale=str(snap.get("rationale") or ""), reviewer=snap.get("reviewer"),
        status=VerdictStatus.PUBLISHED, version=last.number,
        created_at=versions[0].published_at, updated_at=last.published_at,
        published_at=versions[0].published_at, evidence=evidence,
        corrections=_corrections(versions))


def _load_chunk(session: Session, ids: Sequence[int], status: str) -> list[GroupReport]:
    groups = {g.id: g for g in session.execute(select(ClaimGroup).where(ClaimGroup.id.in_(ids))).scalars()}
    verdicts = {
        v.group_id: v for v in session.execute(select(Verdict).where(Verdict.group_id.in_(ids))).scalars()
    }
    versions = histories(session, list(ids))
    frozen = {gid for gid in ids if _uses_snapshot(
        status, verdicts[gid].status if gid in verdicts else None, gid in versions)}
    verdict_ids = [v.id for gid, v in verdicts.items() if v.id is not None and gid not in frozen]
    evidence: dict[int, list[EvidenceItem]] = {}
    published_at: dict[int, dt.datetime] = {}
    if verdict_ids:
        for e in session.execute(
            select(Evidence).where(Evidence.verdict_id.in_(verdict_ids))
            .order_by(Evidence.verdict_id, Evidence.position, Evidence.id)
        ).scalars():
            evidence.setdefault(e.verdict_id, []).append(EvidenceItem(
                position=e.position, title=e.title, publisher=e.publisher, url=e.url,
                published=e.published, quote=e.quote, note=e.note))
        for entity_id, at in session.execute(
            select(AuditEntry.entity_id, func.max(AuditEntry.at))
            .where(AuditEntry.entity == "verdict", AuditEntry.action == "verdict_published",
                   AuditEntry.entity_id.in_(verdict_ids))
            .group_by(AuditEntry.entity_id)
        ):
            if entity_id is not None and at is not None:
                published_at[entity_id] = at
    appearances: dict[int, list[Appearance]] = {
        gid: _snapshot_appearances(versions[gid][-1].snapshot) for gid in frozen}
    live_ids = [gid for gid in ids if gid not in frozen]
    for row in session.execute(
        select(ClaimGroupMember.group_id, Claim.id, Claim.sentence, Claim.figures, Claim.claimant,
               Article.title, Article.url, Article.published, Outlet.name)
        .join(Claim, Claim.id == ClaimGroupMember.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(ClaimGroupMember.group_id.in_(live_ids),
               ClaimGroupMember.decision != MemberDecision.REJECTED)
        .order_by(ClaimGroupMember.group_id, Article.published.is_(None), Article.published,
                  Outlet.name, Claim.id)
    ):
        gid, cid, sentence, figures, claimant, title, url, published, outlet = row
        appearances.setdefault(gid, []).append(Appearance(
            claim_id=cid, outlet=outlet, published=published, sentence=sentence, url=url,
            article_title=title, claimant=claimant,
            figures=tuple(f for f in (figures or []) if isinstance(f, dict))))
    figure_conflicts, group_conflicts = find_conflicts(session, ids, appearances, status)
    also_checked = linked_fact_checks_of(session, ids)
    reports = []
    for gid in ids:
        group = groups.get(gid)
        if group is None:
            continue
        v = verdicts.get(gid)
        info = None
        text, category, updated = group.canonical_text, group.category, group.updated_at
        if gid in frozen:
            info = _published_info(versions[gid])
            snap = versions[gid][-1].snapshot
            text = str(snap.get("canonical_text") or text)
            category = snap.get("category", category)
            updated = info.updated_at
        elif v is not None:
            info = VerdictInfo(
                rating=v.rating, summary=v.summary or "", rationale=v.rationale or "",
                reviewer=v.reviewer, status=v.status, version=v.version,
                created_at=v.created_at, updated_at=v.updated_at,
                published_at=published_at.get(v.id) if v.id is not None else None,
                evidence=tuple(evidence.get(v.id, ())) if v.id is not None else (),
                corrections=_corrections(versions.get(gid, ())))
        apps = tuple(appearances.get(gid, ()))
        reports.append(GroupReport(
            id=gid, canonical_text=text, category=category,
            created_at=group.created_at, updated_at=updated, verdict=info,
            appearances=apps, conflicts=figure_conflicts.get(gid, ()),
            conflicting_groups=group_conflicts.get(gid, ()),
            also_checked=tuple(also_checked.get(gid, ()))))
    return reports


# --- conflicting figures -------------------------------------------------------------------


def find_conflicts(
    session: Session, ids: Sequence[int], appearances: dict[int, list[Appearance]],
    status: str = "all",
) -> tuple[dict[int, tuple[FigureConflict, ...]], dict[int, tuple[ConflictingGroup, ...]]]:
    """Every conflict an export shows, in one place: figures that disagree inside a group
    (derived from its claims' figures) and the groups matching linked as contradicting it
    (the ``group_conflict`` table).

    A linked group appears only if an output of ``status`` could show it itself: in a
    published-only output only published groups, with their published rating and wording."""
    within = {gid: tuple(conflicting_figures(apps)) for gid, apps in appearances.items()}
    wanted = set(ids)
    links: dict[int, list[tuple[int, dict[str, Any] | None]]] = {}
    for a, b, explanation in session.execute(
        select(GroupConflict.group_a, GroupConflict.group_b, GroupConflict.explanation)
        .where(or_(GroupConflict.group_a.in_(ids), GroupConflict.group_b.in_(ids)))
        .order_by(GroupConflict.id)
    ):
        if a in wanted:
            links.setdefault(a, []).append((b, explanation))
        if b in wanted:
            links.setdefault(b, []).append((a, explanation))
    others = sorted({other for pairs in links.values() for other, _ in pairs})
    info: dict[int, tuple[str, str | None]] = {}
    outlets: dict[int, list[str]] = {}
    for chunk in _chunks(others):
        versions = histories(session, list(chunk))
        frozen: set[int] = set()
        for gid, text, rating, live in session.execute(
            select(ClaimGroup.id, ClaimGroup.canonical_text, Verdict.rating, Verdict.status)
            .outerjoin(Verdict, Verdict.group_id == ClaimGroup.id).where(ClaimGroup.id.in_(chunk))
        ):
            if not _qualifies(status, live, gid in versions):
                continue  # not something this output may name
            if _uses_snapshot(status, live, gid in versions):
                snap = versions[gid][-1].snapshot
                frozen.add(gid)
                info[gid] = (str(snap.get("canonical_text") or text), snap.get("rating"))
                outlets[gid] = sorted({a.outlet for a in _snapshot_appearances(snap)})
            else:
                info[gid] = (text, rating)
        live_ids = [gid for gid in chunk if gid in info and gid not in frozen]
        for gid, name in session.execute(
            select(ClaimGroupMember.group_id, Outlet.name).distinct()
            .join(Claim, Claim.id == ClaimGroupMember.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(ClaimGroupMember.group_id.in_(live_ids),
                   ClaimGroupMember.decision != MemberDecision.REJECTED)
            .order_by(ClaimGroupMember.group_id, Outlet.name)
        ):
            outlets.setdefault(gid, []).append(name)
    between: dict[int, tuple[ConflictingGroup, ...]] = {}
    for gid, pairs in links.items():
        found = []
        for other, explanation in pairs:
            if other not in info:
                continue
            text, rating = info[other]
            found.append(ConflictingGroup(group_id=other, canonical_text=text, rating=rating,
                                          outlets=tuple(outlets.get(other, ())),
                                          differing=_differing(explanation)))
        between[gid] = tuple(found)
    return within, between


def _differing(explanation: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    pairs = (explanation or {}).get("figures_differ")
    if not isinstance(pairs, list):
        return ()
    return tuple((str(p[0]), str(p[1])) for p in pairs
                 if isinstance(p, list | tuple) and len(p) == 2)
