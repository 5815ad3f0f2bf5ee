"""The fact-check library: storing imported fact-checks, our own verdicts as library entries,
"same claim" links, and the saved look-up index."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, delete, func, insert, select
from sqlmodel import Session

from storage import audit
from storage.database import session_in_chunk
from storage.errors import StorageError
from storage.factcheck_models import ClaimCheckHit, FactCheck, FactCheckIndex, FactCheckLink
from storage.models import Claim, ClaimGroup, ClaimStatus, Verdict, VerdictStatus, utcnow

# A claim and its closest library entry sharing this much of their words (idf-weighted Dice,
# matching.rank.ClaimIndex.closeness) make it "already checked" in the Inbox. On CheckThat! 2020
# dev it marks 48 of the 161 right top hits and none of the 36 wrong ones, and 1 of 158 news
# claims of the shared corpus against that (unrelated) library (bench/bench_checked.py).
CLOSE_ENOUGH = 0.4
# Our own verdicts in these states are published fact-checks too.
OWN_STATUSES = (VerdictStatus.APPROVED, VerdictStatus.PUBLISHED)
OWN_PUBLISHER = "Our verdict"


@dataclass(frozen=True)
class NewFactCheck:
    """A fact-check read from a file, checked and cleaned (ingest/factcheck_readers.py)."""

    claim: str
    title: str | None = None
    claimant: str | None = None
    rating_text: str | None = None
    rating: str | None = None
    publisher: str | None = None
    url: str | None = None
    review_date: dt.date | None = None
    language: str | None = None

    def key(self) -> str:
        """What makes two reviews the same: the review URL and the claim's wording (one page
        may review several claims); without a URL, the publisher and the rating as well."""
        claim = " ".join(self.claim.split()).casefold()
        if self.url:
            basis = f"url\0{self.url}\0{claim}"
        else:
            basis = (f"text\0{claim}\0{(self.publisher or '').casefold()}\0"
                     f"{(self.rating_text or '').casefold()}")
        return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class LibraryEntry:
    """One entry of the library as the look-up shows it: an imported fact-check, or one of
    our own approved or published verdicts (``group_id`` set, ``fact_check_id`` None)."""

    key: str  # "c<id>" for an imported fact-check, "v<group id>" for our verdict
    claim: str
    rating_text: str | None
    rating: str | None
    publisher: str | None
    url: str | None
    date: dt.date | None
    language: str | None = None
    title: str | None = None
    fact_check_id: int | None = None
    group_id: int | None = None

    @property
    def ours(self) -> bool:
        return self.group_id is not None


def existing_keys(session: Session, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    size = session_in_chunk(session)  # IN lists under the engine's variable limit
    for start in range(0, len(keys), size):
        chunk = keys[start:start + size]
        found.update(session.execute(
            select(FactCheck.content_key).where(FactCheck.content_key.in_(chunk))).scalars())
    return found


def add_fact_checks(session: Session, checks: Sequence[NewFactCheck], *, source_file: str,
                    source_format: str, actor: str) -> list[int]:
    """Store the checks not stored before (by :meth:`NewFactCheck.key`), in the order given;
    returns the new ids. One audit entry for the batch."""
    keys = [c.key() for c in checks]
    known = existing_keys(session, keys)
    now = utcnow()
    rows = []
    for check, key in zip(checks, keys, strict=True):
        if key in known:
            continue
        known.add(key)  # the same review twice in one file
        rows.append({
            "claim": check.claim, "title": check.title, "claimant": check.claimant,
            "rating_text": check.rating_text, "rating": check.rating,
            "publisher": check.publisher, "url": check.url, "review_date": check.review_date,
            "language": check.language, "source_file": source_file,
            "source_format": source_format, "imported_at": now, "content_key": key,
        })
    if not rows:
        return []
    # A Core insert (executemany through insertmanyvalues), not ORM objects: PLATFORM.md
    # measures ~2× the ORM bulk path's rows per second, and an import is all inserts.
    table = FactCheck.__table__
    ids = list(session.connection().execute(table.insert().returning(table.c.id), rows)
               .scalars())
    audit.record(session, actor=actor, action="fact_checks_imported", entity="fact_check",
                 entity_id=ids[0], after={"file": source_file, "format": source_format,
                                          "count": len(ids), "first_id": ids[0],
                                          "last_id": ids[-1]})
    return sorted(ids)


def fact_check_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(FactCheck)).scalar_one()


def max_fact_check_id(session: Session) -> int:
    return session.execute(select(func.max(FactCheck.id))).scalar_one() or 0


def index_texts_after(session: Session, after_id: int) -> list[tuple[int, str]]:
    """(id, claim + title) of the imported fact-checks with an id above ``after_id``, in id
    order: what the look-up index indexes (the CheckThat! targets were claim + title too)."""
    rows = session.execute(
        select(FactCheck.id, FactCheck.claim, FactCheck.title)
        .where(FactCheck.id > after_id).order_by(FactCheck.id)).all()
    return [(i, f"{claim} {title}" if title else claim) for i, claim, title in rows]


def own_verdict_texts(session: Session) -> dict[int, str]:
    """group id -> the claim text of every approved or published verdict of ours."""
    rows = session.execute(
        select(Verdict.group_id, ClaimGroup.canonical_text)
        .join(ClaimGroup, ClaimGroup.id == Verdict.group_id)
        .where(Verdict.status.in_([s.value for s in OWN_STATUSES]), Verdict.rating.is_not(None))
        .order_by(Verdict.group_id)).all()
    return {group_id: text for group_id, text in rows}


def _entry(fc: FactCheck) -> LibraryEntry:
    return LibraryEntry(
        key=f"c{fc.id}", claim=fc.claim, rating_text=fc.rating_text, rating=fc.rating,
        publisher=fc.publisher, url=fc.url, date=fc.review_date, language=fc.language,
        title=fc.title, fact_check_id=fc.id)


def entries(session: Session, keys: Iterable[str]) -> dict[str, LibraryEntry]:
    """The library entries named by look-up keys ("c12", "v3"), those that still exist: a
    verdict of ours that went back to draft is no longer in the library."""
    keys = list(keys)
    checks = [int(k[1:]) for k in keys if k.startswith("c")]
    groups = [int(k[1:].split(":")[0]) for k in keys if k.startswith("v")]
    found: dict[str, LibraryEntry] = {}
    size = session_in_chunk(session)
    for start in range(0, len(checks), size):
        for fc in session.execute(select(FactCheck).where(
                FactCheck.id.in_(checks[start:start + size]))).scalars():
            found[f"c{fc.id}"] = _entry(fc)
    if groups:
        from storage.verdicts import RATING_LABELS

        groups = sorted(set(groups))
        rows = [row for start in range(0, len(groups), size) for row in session.execute(
            select(Verdict, ClaimGroup.canonical_text)
            .join(ClaimGroup, ClaimGroup.id == Verdict.group_id)
            .where(Verdict.group_id.in_(groups[start:start + size]),
                   Verdict.status.in_([s.value for s in OWN_STATUSES]),
                   Verdict.rating.is_not(None))).all()]
        for verdict, text in rows:
            found[f"v{verdict.group_id}"] = LibraryEntry(
                key=f"v{verdict.group_id}", claim=text,
                rating_text=RATING_LABELS.get(verdict.rating, verdict.rating),
                rating=verdict.rating, publisher=OWN_PUBLISHER, url=None,
                date=verdict.updated_at.date() if verdict.updated_at else None,
                group_id=verdict.group_id)
    return found


def fact_check(session: Session, fact_check_id: int) -> LibraryEntry | None:
    fc = session.get(FactCheck, fact_check_id)
    return _entry(fc) if fc is not None else None


# "Same claim" links --------------------------------------------------------------------------

def link_same_claim(session: Session, group_id: int, fact_check_id: int, *, actor: str) -> bool:
    """Record that a published fact-check reviews this group's claim; False if it already was."""
    if session.get(ClaimGroup, group_id) is None:
        raise LookupError(f"claim group {group_id} does not exist")
    if session.get(FactCheck, fact_check_id) is None:
        raise LookupError(f"fact-check {fact_check_id} does not exist")
    exists = session.execute(select(FactCheckLink.id).where(
        FactCheckLink.group_id == group_id, FactCheckLink.fact_check_id == fact_check_id)
    ).scalar_one_or_none()
    if exists is not None:
        return False
    link_id = session.execute(insert(FactCheckLink).values(
        group_id=group_id, fact_check_id=fact_check_id, linked_by=actor, linked_at=utcnow(),
    ).returning(FactCheckLink.id)).scalar_one()
    audit.record(session, actor=actor, action="fact_check_linked", entity="fact_check_link",
                 entity_id=link_id, after={"group_id": group_id, "fact_check_id": fact_check_id})
    return True


def unlink_same_claim(session: Session, group_id: int, fact_check_id: int, *, actor: str) -> bool:
    result = session.execute(delete(FactCheckLink).where(
        FactCheckLink.group_id == group_id, FactCheckLink.fact_check_id == fact_check_id))
    if result.rowcount:
        audit.record(session, actor=actor, action="fact_check_unlinked",
                     entity="fact_check_link", entity_id=None,
                     before={"group_id": group_id, "fact_check_id": fact_check_id})
    return bool(result.rowcount)


def linked_fact_checks(session: Session, group_id: int) -> list[LibraryEntry]:
    """The fact-checks a person linked to this group as "same claim", in the order linked."""
    rows = session.execute(
        select(FactCheck).join(FactCheckLink, FactCheckLink.fact_check_id == FactCheck.id)
        .where(FactCheckLink.group_id == group_id).order_by(FactCheckLink.id)).scalars()
    return [_entry(fc) for fc in rows]


# The saved look-up index -----------------------------------------------------------------------

def load_index_state(session: Session) -> tuple[int, str, bytes] | None:
    """(covers, version, bytes) of the saved look-up index, or None."""
    row = session.execute(select(FactCheckIndex.covers, FactCheckIndex.version,
                                 FactCheckIndex.state).order_by(FactCheckIndex.id.desc())
                          .limit(1)).first()
    return (row[0], row[1], bytes(row[2])) if row is not None else None


def saved_index_covers(session: Session) -> int:
    return session.execute(select(func.max(FactCheckIndex.covers))).scalar_one() or 0


def save_index_state(session: Session, covers: int, version: str, state: bytes) -> None:
    """Replace the saved index (inside a write: writers queue, so two saves never interleave)."""
    session.execute(delete(FactCheckIndex))
    session.execute(insert(FactCheckIndex).values(
        covers=covers, version=version, state=state, saved_at=utcnow()))


# The Inbox marker ------------------------------------------------------------------------------

def save_check_hits(session: Session, hits: dict[int, tuple[str, float]],
                    looked_up: Iterable[int] = ()) -> None:
    """Replace the best library hit of these claims (claim id -> (entry key, closeness));
    claims in ``looked_up`` without a hit lose the one they had (its entry left the library)."""
    ids = sorted(set(hits) | set(looked_up))
    size = session_in_chunk(session)
    for start in range(0, len(ids), size):
        session.execute(delete(ClaimCheckHit).where(
            ClaimCheckHit.claim_id.in_(ids[start:start + size])))
    now = utcnow()
    if hits:
        session.execute(insert(ClaimCheckHit), [
            {"claim_id": cid, "entry_key": key, "closeness": round(closeness, 4),
             "checked_at": now} for cid, (key, closeness) in hits.items()])


def claims_hit_by(session: Session, entry_key: str) -> set[int]:
    """The claims whose best library hit is this entry ("c12", "v3")."""
    return set(session.execute(select(ClaimCheckHit.claim_id).where(
        ClaimCheckHit.entry_key == entry_key)).scalars())


def already_checked_ids() -> Select:
    """The ids of the claims marked "already checked" (a subquery for claim filters)."""
    return select(ClaimCheckHit.claim_id).where(ClaimCheckHit.closeness >= CLOSE_ENOUGH)


def checked_claim_ids(session: Session, min_closeness: float = CLOSE_ENOUGH) -> set[int]:
    return set(session.execute(select(ClaimCheckHit.claim_id).where(
        ClaimCheckHit.closeness >= min_closeness)).scalars())


def check_hit(session: Session, claim_id: int) -> tuple[str, float] | None:
    row = session.get(ClaimCheckHit, claim_id)
    return (row.entry_key, row.closeness) if row is not None else None


def proposed_claim_texts(session: Session) -> list[tuple[int, str]]:
    """(id, sentence) of the claims waiting in the Inbox."""
    return [(i, s) for i, s in session.execute(
        select(Claim.id, Claim.sentence).where(Claim.status == ClaimStatus.PROPOSED)
        .order_by(Claim.id)).all()]


def claim_texts_of_article(session: Session, article_id: int) -> list[tuple[int, str]]:
    return [(i, s) for i, s in session.execute(
        select(Claim.id, Claim.sentence).where(Claim.article_id == article_id)
        .order_by(Claim.id)).all()]


def evidence_item(entry: LibraryEntry):  # noqa: ANN201 (storage.verdicts.EvidenceItem)
    """The library entry as a verdict's evidence, with its citation: who rated it what, when."""
    from storage.verdicts import EvidenceItem

    rating = entry.rating_text or entry.rating or "no rating"
    who = entry.publisher or "an unknown publisher"
    title = entry.title or f"Fact-check: {entry.claim[:120]}"
    return EvidenceItem(title=title, publisher=entry.publisher, url=entry.url,
                        published=entry.date, quote=entry.claim,
                        note=f"Rated \u201c{rating}\u201d by {who}")


def linked_fact_checks_of(session: Session, group_ids: Sequence[int]) -> dict[int, list[LibraryEntry]]:
    """group id -> its "same claim" fact-checks, in the order linked (for exports)."""
    out: dict[int, list[LibraryEntry]] = {}
    ids = list(group_ids)
    size = session_in_chunk(session)
    for start in range(0, len(ids), size):
        rows = session.execute(
            select(FactCheckLink.group_id, FactCheck)
            .join(FactCheck, FactCheck.id == FactCheckLink.fact_check_id)
            .where(FactCheckLink.group_id.in_(ids[start:start + size]))
            .order_by(FactCheckLink.group_id, FactCheckLink.id)).all()
        for group_id, fc in rows:
            out.setdefault(group_id, []).append(_entry(fc))
    return out


class EvidenceNotAdded(StorageError):
    """The verdict cannot take evidence from here; the message is the user's sentence."""


def add_to_verdict_evidence(session: Session, group_id: int, entry: LibraryEntry, *,
                            actor: str) -> bool:
    """Add the library entry to the evidence of the group's verdict (a new draft verdict if it
    has none), cited; False when it is already there. An approved or published verdict is
    changed only in the claim group's verdict editor, where a correction gets its reason."""
    from storage.verdicts import (
        EvidenceItem,
        VerdictDraft,
        evidence_for,
        save_verdict,
        verdict_for_group,
    )

    if session.get(ClaimGroup, group_id) is None:
        raise EvidenceNotAdded(f"Claim group #{group_id} no longer exists.")
    item = evidence_item(entry)
    current = verdict_for_group(session, group_id)
    if current is None:
        save_verdict(session, group_id, VerdictDraft(evidence=[item]), expected_version=None,
                     actor=actor)
        return True
    if current.status in OWN_STATUSES:
        raise EvidenceNotAdded(
            f"The verdict on claim group #{group_id} is {current.status}: change its evidence "
            "in the claim group's verdict editor (a published verdict's change is a correction "
            "with a reason).")
    evidence = [EvidenceItem(e.title, e.publisher, e.url, e.published, e.quote, e.note)
                for e in evidence_for(session, current.id)]
    if any((e.url, e.quote) == (item.url, item.quote) for e in evidence):
        return False
    save_verdict(session, group_id, VerdictDraft(
        rating=current.rating, summary=current.summary, rationale=current.rationale,
        reviewer=current.reviewer, evidence=[*evidence, item]),
        expected_version=current.version, actor=actor)
    return True
