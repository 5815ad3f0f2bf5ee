"""Copying claims, groups and verdicts from one Claimdesk database into another.

Sharing without a server: SQLite to PostgreSQL and back, or laptop to laptop through a file.
Nothing is matched by id (ids differ between databases); rows are recognised by content:

- an outlet by its name, an article by its content hash (unique in every database);
- a claim by its article and its exact place in it (start, end, sentence);
- a claim group by its claims: a source group whose claims already sit in a destination group
  is that group; otherwise it is created with the source's canonical text and decisions;
- a verdict by its group; a group conflict by its two groups.

What the destination already holds is never overwritten: a verdict that differs is kept as it
is and reported (one side's work is never lost silently); a claim still "proposed" takes the
other side's accept/reject. So copying twice adds nothing the second time. The whole copy is
one transaction and one audit entry in the destination; the source is only read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import column as sa_column
from sqlalchemy import insert, select, update
from sqlalchemy import table as sa_table
from sqlmodel import Session

from storage import audit, copy_measures, copy_records
from storage import copy_rules as rules
from storage.database import Database, in_chunk
from storage.errors import StorageError
from storage.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    ClaimStatus,
    Evidence,
    GroupConflict,
    MemberDecision,
    Outlet,
    Verdict,
    utcnow,
)

_CLAIM_COLUMNS = ("sentence", "start", "end", "category", "figures", "claimant", "score",
                  "cues", "status", "origin", "created_at", "updated_at")
_ARTICLE_COLUMNS = ("title", "author", "url", "published", "language", "text", "content_hash",
                    "source_path", "source_format", "imported_at")
_VERDICT_FIELDS = ("rating", "summary", "rationale", "reviewer", "status")
_EVIDENCE_FIELDS = ("title", "publisher", "url", "published", "quote", "note")
_SHOWN_SKIPPED = 20


class SameDatabase(StorageError):
    def __init__(self, location: str) -> None:
        super().__init__(f"{location} is both the source and the destination; nothing was copied.")


@dataclass
class CopyReport:
    """What a copy added to the destination (all zero when it already had everything)."""

    outlets: int = 0
    articles: int = 0
    claims: int = 0
    statuses: int = 0  # destination claims still proposed that took the source's decision
    groups: int = 0
    members: int = 0
    verdicts: int = 0
    conflicts: int = 0
    # Destination groups whose verdict differs from the source's: kept, listed here.
    differing_verdicts: list[int] = field(default_factory=list)
    new_claim_ids: list[int] = field(default_factory=list)
    # Source rows an import would not store, by table and id, with the reason: not copied.
    skipped: list[str] = field(default_factory=list)
    # Source articles whose stated content hash was not the hash of their text (recomputed).
    rehashed: list[int] = field(default_factory=list)
    # The fact-check library, "same claim" links, published versions, settings.
    records: copy_records.RecordsReport = field(default_factory=copy_records.RecordsReport)
    # A person's measure work: names, merges, splits, claim decisions, reference figures.
    measures: copy_measures.MeasuresReport = field(default_factory=copy_measures.MeasuresReport)

    @property
    def changed(self) -> bool:
        return any((self.outlets, self.articles, self.claims, self.statuses, self.groups,
                    self.members, self.verdicts, self.conflicts)) or self.records.changed or (
            self.measures.changed)

    def lines(self) -> list[str]:
        out = [f"added: {self.articles} articles, {self.claims} claims, {self.groups} claim "
               f"groups ({self.members} memberships), {self.verdicts} verdicts, "
               f"{self.conflicts} conflicts, {self.outlets} outlets"]
        if self.statuses:
            out.append(f"decisions taken over: {self.statuses} proposed claims accepted or "
                       "rejected as in the source")
        r = self.records
        if r.changed:
            out.append(f"added: {r.fact_checks} fact-checks to the library, {r.links} "
                       f"same-claim links, {r.versions} published verdict versions, "
                       f"{r.settings} settings")
        if r.differing_versions:
            ids = ", ".join(str(g) for g in r.differing_versions)
            out.append(f"kept the destination's published versions where the source's "
                       f"history differs: claim group(s) {ids}")
        out += self.measures.lines()
        if self.differing_verdicts:
            ids = ", ".join(str(g) for g in self.differing_verdicts)
            out.append(f"kept the destination's verdict where the source's differs: claim "
                       f"group(s) {ids} (compare them before publishing)")
        if self.rehashed:
            ids = ", ".join(str(a) for a in self.rehashed[:_SHOWN_SKIPPED])
            out.append(f"content hash recomputed for {len(self.rehashed)} source article(s) "
                       f"whose stated hash did not match their text: {ids}")
        if self.skipped:
            shown = "; ".join(self.skipped[:_SHOWN_SKIPPED])
            more = (f"; and {len(self.skipped) - _SHOWN_SKIPPED} more"
                    if len(self.skipped) > _SHOWN_SKIPPED else "")
            out.append(f"skipped {len(self.skipped)} source row(s) an import would not store: "
                       f"{shown}{more}")
        if not self.changed:
            out.append("the destination already had everything: nothing was changed")
        return out


@dataclass
class _Source:
    """Everything the copy needs from the source, read in one snapshot and validated."""

    outlets: dict[int, str]
    articles: list[dict[str, Any]]
    claims: dict[int, list[dict[str, Any]]]  # by source article id
    groups: list[dict[str, Any]]
    members: dict[int, list[dict[str, Any]]]  # by source group id
    verdicts: dict[int, dict[str, Any]]  # by source group id
    evidence: dict[int, list[dict[str, Any]]]  # by source verdict id
    conflicts: list[tuple[int, int, Any]]
    records: copy_records.Records
    measures: copy_measures.MeasureWork
    skipped: list[str] = field(default_factory=list)  # "claim 2 (figures is not …)"


_RAW_COLUMNS = {
    "outlet": ("id", "name"),
    "article": ("id", "outlet_id", *_ARTICLE_COLUMNS),
    "claim": ("id", "article_id", *_CLAIM_COLUMNS),
    "claim_group": ("id", "canonical_text", "category", "created_at"),
    "claim_group_member": ("id", "group_id", "claim_id", "score", "decision", "explanation",
                           "decided_by", "decided_at"),
    "verdict": ("id", "group_id", *_VERDICT_FIELDS, "created_at", "updated_at"),
    "evidence": ("id", "verdict_id", "position", *_EVIDENCE_FIELDS),
    "group_conflict": ("id", "group_a", "group_b", "explanation"),
}


def _raw(session: Session, name: str) -> list[dict[str, Any]]:
    """A source table's rows as stored: no type conversion, which would raise on odd values."""
    t = sa_table(name, *(sa_column(c) for c in _RAW_COLUMNS[name]))
    order = t.c.position if name == "evidence" else t.c.id
    return [dict(r._mapping) for r in session.execute(select(*t.c).order_by(order))]


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Reader:
    """Validates the source's rows (storage.copy_rules); a bad row and what hangs from it are
    skipped and listed by table and id."""

    def __init__(self, *, refuse_nul: bool) -> None:
        self.skipped: list[str] = []
        self.refuse_nul = refuse_nul  # into a server, which cannot store NUL at all

    def take(self, label: str, row: dict[str, Any], check: Any, *parents: tuple[str, bool]
             ) -> dict[str, Any] | None:
        if self.refuse_nul and _has_nul(row):
            title = f", {row['title']!r}" if "title" in row else ""
            raise UnstorableText(f"{label} {row.get('id')}{title}")
        for parent, present in parents:
            if not present:
                self.skipped.append(f"{label} {row.get('id')} (its {parent} was skipped)")
                return None
        if not _is_id(row.get("id")):
            self.skipped.append(f"{label} {row.get('id')!r} (its id is not a number)")
            return None
        try:
            return {"id": row["id"], **check(row)}
        except rules.BadRow as exc:
            self.skipped.append(f"{label} {row['id']} ({exc})")
            return None


def _read_source(session: Session, *, refuse_nul: bool = False) -> _Source:
    r = _Reader(refuse_nul=refuse_nul)
    outlets: dict[int, str] = {}
    for row in _raw(session, "outlet"):
        got = r.take("outlet", row, lambda x: {"name": rules.outlet(x)})
        if got:
            outlets[got["id"]] = got["name"]
    articles, lengths = [], {}
    for row in _raw(session, "article"):
        got = r.take("article", row, rules.article, ("outlet", row["outlet_id"] in outlets))
        if got:
            got["outlet_id"] = row["outlet_id"]
            got["stated_hash"] = row["content_hash"]
            articles.append(got)
            lengths[got["id"]] = len(got["text"])
    claims: dict[int, list[dict[str, Any]]] = {}
    claim_ids: set[int] = set()
    for row in _raw(session, "claim"):
        art = row["article_id"]
        got = r.take("claim", row, lambda x, a=art: rules.claim(x, lengths[a]),
                     ("article", art in lengths))
        if got:
            claims.setdefault(art, []).append(got)
            claim_ids.add(got["id"])
    groups = [g for g in (r.take("claim group", row, rules.group)
                          for row in _raw(session, "claim_group")) if g]
    group_ids = {g["id"] for g in groups}
    members: dict[int, list[dict[str, Any]]] = {}
    for row in _raw(session, "claim_group_member"):
        got = r.take("membership", row, rules.member, ("claim", row["claim_id"] in claim_ids),
                     ("claim group", row["group_id"] in group_ids))
        if got:
            got.update(group_id=row["group_id"], claim_id=row["claim_id"])
            members.setdefault(row["group_id"], []).append(got)
    verdicts: dict[int, dict[str, Any]] = {}
    for row in _raw(session, "verdict"):
        got = r.take("verdict", row, rules.verdict, ("claim group", row["group_id"] in group_ids))
        if got:
            verdicts[row["group_id"]] = got
    verdict_ids = {v["id"] for v in verdicts.values()}
    evidence: dict[int, list[dict[str, Any]]] = {}
    for row in _raw(session, "evidence"):
        got = r.take("evidence", row, rules.evidence, ("verdict", row["verdict_id"] in verdict_ids))
        if got:
            evidence.setdefault(row["verdict_id"], []).append(
                {k: got[k] for k in _EVIDENCE_FIELDS})
    conflicts = []
    for row in _raw(session, "group_conflict"):
        got = r.take("conflict", row, lambda x: {"explanation": rules.explanation(x)},
                     ("claim group", row["group_a"] in group_ids and row["group_b"] in group_ids))
        if got:
            conflicts.append((row["group_a"], row["group_b"], got["explanation"]))
    records = copy_records.read_records(session, r.take, r.skipped, group_ids)
    measures = copy_measures.read_measure_work(session, r.take, claim_ids)
    return _Source(outlets=outlets, articles=articles, claims=claims, groups=groups,
                   members=members, verdicts=verdicts, evidence=evidence, conflicts=conflicts,
                   records=records, measures=measures, skipped=r.skipped)


class UnstorableText(StorageError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"The source holds text with a NUL character ({where}), which a PostgreSQL server "
            "cannot store. Nothing was copied; edit or delete that text in the source first.")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def _claim_key(row: dict[str, Any]) -> tuple[int, int, str]:
    return (row["start"], row["end"], row["sentence"])


class _Merge:
    """The copy into one destination session, keeping the id maps (source id -> dest id)."""

    def __init__(self, session: Session, src: _Source, report: CopyReport,
                 hash_text: Callable[[str], str], chunk: int) -> None:
        self.chunk = chunk  # values per IN (…), under the destination engine's limit
        self.s = session
        self.src = src
        self.report = report
        self.hash_text = hash_text
        self.outlet_ids: dict[int, int] = {}
        self.claim_ids: dict[int, int] = {}
        self.group_ids: dict[int, int] = {}

    def outlets(self) -> None:
        known = dict(self.s.execute(select(Outlet.name, Outlet.id)).all())
        for src_id, name in self.src.outlets.items():
            if name not in known:
                known[name] = self.s.execute(insert(Outlet).values(
                    name=name, created_at=utcnow()).returning(Outlet.id)).scalar_one()
                self.report.outlets += 1
            self.outlet_ids[src_id] = known[name]

    def articles_and_claims(self) -> None:
        by_hash = dict(self.s.execute(select(Article.content_hash, Article.id)).all())
        for art in self.src.articles:
            src_claims = self.src.claims.get(art["id"], [])
            # Never believed: a forged hash would make a genuine article a "duplicate".
            digest = self.hash_text(art["text"])
            if digest != art["content_hash"]:
                self.report.rehashed.append(art["id"])
            dest_article = by_hash.get(digest)
            if dest_article is None:
                values = {c: art[c] for c in _ARTICLE_COLUMNS} | {"content_hash": digest}
                dest_article = self.s.execute(insert(Article).values(
                    outlet_id=self.outlet_ids[art["outlet_id"]], **values
                ).returning(Article.id)).scalar_one()
                by_hash[digest] = dest_article
                self.report.articles += 1
                existing: dict[tuple[int, int, str], tuple[int, str]] = {}
            else:
                existing = {
                    (start, end, sentence): (cid, status)
                    for cid, start, end, sentence, status in self.s.execute(
                        select(Claim.id, Claim.start, Claim.end, Claim.sentence, Claim.status)
                        .where(Claim.article_id == dest_article))
                }
            new = []
            for row in src_claims:
                found = existing.get(_claim_key(row))
                if found is None:
                    new.append(row)
                    continue
                cid, status = found
                self.claim_ids[row["id"]] = cid
                if status == ClaimStatus.PROPOSED and row["status"] != ClaimStatus.PROPOSED:
                    self.s.execute(update(Claim).where(Claim.id == cid).values(
                        status=row["status"], updated_at=utcnow()))
                    self.report.statuses += 1
            if new:
                ids = self.s.execute(
                    insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
                    [{"article_id": dest_article, **{c: row[c] for c in _CLAIM_COLUMNS}}
                     for row in new],
                ).scalars().all()
                for row, cid in zip(new, ids, strict=True):
                    self.claim_ids[row["id"]] = cid
                self.report.claims += len(new)
                self.report.new_claim_ids += ids

    def groups(self) -> None:
        for group in self.src.groups:
            members = self.src.members.get(group["id"], [])
            active = [m for m in members if m["decision"] != MemberDecision.REJECTED]
            if not active:
                continue
            dest_claims = [self.claim_ids[m["claim_id"]] for m in active]
            current: dict[int, int] = {}
            for k in range(0, len(dest_claims), self.chunk):
                current.update(self.s.execute(
                    select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id).where(
                        ClaimGroupMember.claim_id.in_(dest_claims[k:k + self.chunk]),
                        ClaimGroupMember.decision != MemberDecision.REJECTED)).all())
            if current:
                # The claims are grouped here already: that group is this one. The one holding
                # most of them, then the oldest.
                counts: dict[int, int] = {}
                for gid in current.values():
                    counts[gid] = counts.get(gid, 0) + 1
                target = min(counts, key=lambda g: (-counts[g], g))
            else:
                now = utcnow()
                target = self.s.execute(insert(ClaimGroup).values(
                    canonical_text=group["canonical_text"], category=group["category"],
                    created_at=group["created_at"] or now, updated_at=now,
                ).returning(ClaimGroup.id)).scalar_one()
                self.report.groups += 1
            self.group_ids[group["id"]] = target
            rows_in_target = set(self.s.execute(select(ClaimGroupMember.claim_id).where(
                ClaimGroupMember.group_id == target)).scalars())
            for m in members:
                cid = self.claim_ids.get(m["claim_id"])
                if cid is None or cid in rows_in_target:
                    continue
                rejected = m["decision"] == MemberDecision.REJECTED
                if not rejected and cid in current:  # active in another group here: left there
                    continue
                self.s.execute(insert(ClaimGroupMember).values(
                    group_id=target, claim_id=cid, score=m["score"], decision=m["decision"],
                    explanation=m["explanation"], decided_by=m["decided_by"],
                    decided_at=m["decided_at"]))
                rows_in_target.add(cid)
                self.report.members += 1

    def verdicts(self) -> None:
        for src_group, verdict in self.src.verdicts.items():
            target = self.group_ids.get(src_group)
            if target is None:
                continue
            evidence = self.src.evidence.get(verdict["id"], [])
            here = self.s.execute(select(Verdict).where(Verdict.group_id == target)
                                  ).scalar_one_or_none()
            if here is not None:
                same = all(getattr(here, f) == verdict[f] for f in _VERDICT_FIELDS) and [
                    {k: getattr(e, k) for k in _EVIDENCE_FIELDS}
                    for e in self.s.execute(select(Evidence).where(
                        Evidence.verdict_id == here.id).order_by(Evidence.position)).scalars()
                ] == evidence
                if not same and target not in self.report.differing_verdicts:
                    self.report.differing_verdicts.append(target)
                continue
            verdict_id = self.s.execute(insert(Verdict).values(
                group_id=target, **{f: verdict[f] for f in _VERDICT_FIELDS}, version=1,
                created_at=verdict["created_at"], updated_at=verdict["updated_at"],
            ).returning(Verdict.id)).scalar_one()
            if evidence:
                self.s.execute(insert(Evidence), [
                    {**e, "verdict_id": verdict_id, "position": n}
                    for n, e in enumerate(evidence)])
            self.report.verdicts += 1

    def conflicts(self) -> None:
        known = {(a, b) for a, b in self.s.execute(
            select(GroupConflict.group_a, GroupConflict.group_b))}
        for a, b, explanation in self.src.conflicts:
            ga, gb = self.group_ids.get(a), self.group_ids.get(b)
            if ga is None or gb is None or ga == gb or (ga, gb) in known or (gb, ga) in known:
                continue
            self.s.execute(insert(GroupConflict).values(
                group_a=ga, group_b=gb, explanation=explanation, detected_at=utcnow()))
            known.add((ga, gb))
            self.report.conflicts += 1


def copy_database(source: Database, dest: Database, *, actor: str,
                  hash_text: Callable[[str], str]) -> CopyReport:
    """Copy what ``dest`` lacks from ``source``; one transaction and one audit entry in
    ``dest`` (none when nothing was missing). ``hash_text`` is the importer's content hash:
    every article's is recomputed from its text, never taken from the source. New claims still need their matching
    signatures: see :func:`matching.incremental.index_claims` (``claimdesk copy`` runs it)."""
    if source.location == dest.location:
        raise SameDatabase(dest.location)
    with source.read() as session:
        src = _read_source(session, refuse_nul=dest.is_server)
    report = CopyReport(skipped=src.skipped)
    chunk = in_chunk(dest)
    with dest.write() as session:
        merge = _Merge(session, src, report, hash_text, chunk)
        merge.outlets()
        merge.articles_and_claims()
        merge.groups()
        merge.verdicts()
        merge.conflicts()
        report.records = copy_records.merge_records(session, src.records, merge.group_ids,
                                                    report.differing_verdicts, chunk)
        report.measures = copy_measures.merge_measure_work(session, src.measures,
                                                           merge.claim_ids)
        if report.changed:
            audit.record(session, actor=actor, action="copied_in", entity="database",
                         after={"from": source.location, "articles": report.articles,
                                "claims": report.claims, "groups": report.groups,
                                "verdicts": report.verdicts, "conflicts": report.conflicts,
                                "statuses": report.statuses,
                                "fact_checks": report.records.fact_checks,
                                "links": report.records.links,
                                "versions": report.records.versions,
                                "settings": report.records.settings,
                                "measure_work": report.measures.names
                                + report.measures.decisions + report.measures.references,
                                "differing_verdicts": report.differing_verdicts})
    return report
