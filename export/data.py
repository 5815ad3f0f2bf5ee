"""Read-only loading of claim groups for export: plain dataclasses, a handful of batched selects.

Nothing here writes. Every export (PDF, ClaimReview, CSV) reads through :func:`load_selection`
so they agree on which groups a ``--status``/``--group`` choice means.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from sqlalchemy import func, or_, select
from sqlmodel import Session

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
)
from storage.verdicts import STATUS_LABELS

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
class ConflictingFigure:
    text: str
    value: float | str
    outlet: str
    published: dt.date | None
    claim_id: int
    # True when some other appearance gives no figure matching this one.
    disputed: bool = False


@dataclass(frozen=True)
class FigureConflict:
    """Figures of one kind and unit that disagree between appearances, listed side by side."""

    kind: str
    unit: str
    figures: tuple[ConflictingFigure, ...]


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
        return STATUS_LABELS.get(self.verdict.status, self.verdict.status)

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
            query = query.where(Verdict.status.in_(wanted))
        rows = [(r[0], r[1]) for r in session.execute(query.order_by(ClaimGroup.id))]
    selection = Selection(groups=[])
    found = {gid for gid, _ in rows}
    selection.missing = sorted(set(group_ids or ()) - found)
    keep: list[int] = []
    for gid, verdict_status in sorted(rows):
        if wanted is None or verdict_status in wanted:
            keep.append(gid)
        elif verdict_status is None:
            selection.skipped[gid] = "it has no verdict yet"
        else:
            label = STATUS_LABELS.get(verdict_status, verdict_status)
            selection.skipped[gid] = f"its verdict is {label.lower()}"
    selection.groups = load_groups(session, keep)
    return selection


def load_selection(db: Database, status: str, group_ids: Sequence[int] | None = None) -> Selection:
    """The groups for an export, read in one consistent snapshot."""
    with db.read() as session:
        return select_group_ids(session, status, group_ids)


def load_groups(session: Session, group_ids: Sequence[int]) -> list[GroupReport]:
    """Full reports for ``group_ids`` (in that order): a few selects per 500 groups, never one
    per group."""
    out: list[GroupReport] = []
    for chunk in _chunks(list(group_ids)):
        out += _load_chunk(session, chunk)
    return out


def _load_chunk(session: Session, ids: Sequence[int]) -> list[GroupReport]:
    groups = {g.id: g for g in session.execute(select(ClaimGroup).where(ClaimGroup.id.in_(ids))).scalars()}
    verdicts = {
        v.group_id: v for v in session.execute(select(Verdict).where(Verdict.group_id.in_(ids))).scalars()
    }
    verdict_ids = [v.id for v in verdicts.values() if v.id is not None]
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
    appearances: dict[int, list[Appearance]] = {}
    for row in session.execute(
        select(ClaimGroupMember.group_id, Claim.id, Claim.sentence, Claim.figures, Claim.claimant,
               Article.title, Article.url, Article.published, Outlet.name)
        .join(Claim, Claim.id == ClaimGroupMember.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(ClaimGroupMember.group_id.in_(ids),
               ClaimGroupMember.decision != MemberDecision.REJECTED)
        .order_by(ClaimGroupMember.group_id, Article.published.is_(None), Article.published,
                  Outlet.name, Claim.id)
    ):
        gid, cid, sentence, figures, claimant, title, url, published, outlet = row
        appearances.setdefault(gid, []).append(Appearance(
            claim_id=cid, outlet=outlet, published=published, sentence=sentence, url=url,
            article_title=title, claimant=claimant,
            figures=tuple(f for f in (figures or []) if isinstance(f, dict))))
    figure_conflicts, group_conflicts = find_conflicts(session, ids, appearances)
    also_checked = linked_fact_checks_of(session, ids)
    reports = []
    for gid in ids:
        group = groups.get(gid)
        if group is None:
            continue
        v = verdicts.get(gid)
        info = None
        if v is not None:
            info = VerdictInfo(
                rating=v.rating, summary=v.summary or "", rationale=v.rationale or "",
                reviewer=v.reviewer, status=v.status, version=v.version,
                created_at=v.created_at, updated_at=v.updated_at,
                published_at=published_at.get(v.id) if v.id is not None else None,
                evidence=tuple(evidence.get(v.id, ())) if v.id is not None else ())
        apps = tuple(appearances.get(gid, ()))
        reports.append(GroupReport(
            id=gid, canonical_text=group.canonical_text, category=group.category,
            created_at=group.created_at, updated_at=group.updated_at, verdict=info,
            appearances=apps, conflicts=figure_conflicts.get(gid, ()),
            conflicting_groups=group_conflicts.get(gid, ()),
            also_checked=tuple(also_checked.get(gid, ()))))
    return reports


# --- conflicting figures -------------------------------------------------------------------


def find_conflicts(
    session: Session, ids: Sequence[int], appearances: dict[int, list[Appearance]]
) -> tuple[dict[int, tuple[FigureConflict, ...]], dict[int, tuple[ConflictingGroup, ...]]]:
    """Every conflict an export shows, in one place: figures that disagree inside a group
    (derived from its claims' figures) and the groups matching linked as contradicting it
    (the ``group_conflict`` table)."""
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
        for gid, text, rating in session.execute(
            select(ClaimGroup.id, ClaimGroup.canonical_text, Verdict.rating)
            .outerjoin(Verdict, Verdict.group_id == ClaimGroup.id).where(ClaimGroup.id.in_(chunk))
        ):
            info[gid] = (text, rating)
        for gid, name in session.execute(
            select(ClaimGroupMember.group_id, Outlet.name).distinct()
            .join(Claim, Claim.id == ClaimGroupMember.claim_id)
            .join(Article, Article.id == Claim.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(ClaimGroupMember.group_id.in_(chunk),
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


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _rounding_tolerance(value: float) -> float:
    """How far a stated figure may be from the truth through rounding alone: half a unit of its
    last significant place (80 → 5, 43,000 → 500, 0.6 → 0.05), capped at 10% so "100" is not
    "anything from 50 to 150"."""
    try:
        d = Decimal(repr(value)).normalize()
    except InvalidOperation:
        return 0.0
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int):
        return 0.0
    return min(0.5 * 10.0**exponent, 0.1 * abs(value))


def _same_figure(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    tolerance = max(_rounding_tolerance(a), _rounding_tolerance(b))
    return abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b), 1.0)


def conflicting_figures(appearances: Iterable[Appearance]) -> list[FigureConflict]:
    """Figures of the same kind and unit whose values differ beyond rounding between the
    group's claims (e.g. "about 79 sq mi" here, "about 120 square miles" there).

    Derived from the claims' ``figures`` JSON for now; when matching stores explicit conflicts,
    this is the one function to switch over.
    """
    by_key: dict[tuple[str, str], dict[int, list[ConflictingFigure]]] = {}
    for a in appearances:
        for f in a.figures:
            raw = f.get("value")
            value: float | str | None = _number(raw)
            if value is None and isinstance(raw, str) and raw.strip():
                value = raw.strip()  # dates and other exact values
            if value is None:
                continue
            key = (str(f.get("kind") or ""), str(f.get("unit") or ""))
            item = ConflictingFigure(text=str(f.get("text") or raw), value=value, outlet=a.outlet,
                                     published=a.published, claim_id=a.claim_id)
            by_key.setdefault(key, {}).setdefault(a.claim_id, []).append(item)
    conflicts = []
    for (kind, unit), per_claim in by_key.items():
        if len(per_claim) < 2:
            continue
        claims = list(per_claim.values())
        # Two claims disagree when neither one's figures are all found in the other: a claim
        # that merely mentions fewer figures (only the peak, not the current holding) does not.
        if any(_has_unmatched(a, b) and _has_unmatched(b, a)
               for i, a in enumerate(claims) for b in claims[i + 1 :]):
            figures = [
                replace(f, disputed=any(_has_unmatched([f], other) for other in claims
                                        if other is not mine))
                for mine in claims for f in mine
            ]
            conflicts.append(FigureConflict(kind=kind, unit=unit, figures=tuple(figures)))
    return conflicts


def _has_unmatched(mine: list[ConflictingFigure], other: list[ConflictingFigure]) -> bool:
    return any(not any(_same_figure(x.value, y.value) for y in other) for x in mine)

