"""Reading a ClaimReview file written by another Claimdesk back in, merging by the claim's wording."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from export import markup
from export.claimreview.lookup import Known
from export.claimreview.validate import is_date, is_number, validate_claimreview
from export.claimreview.write import MAX_FILE_BYTES, MAX_TEXT, STATUS_STEPS, ClaimReviewError
from export.data import claim_text_hash, load_groups
from export.ratings import RATING_FOR_VALUE, rating_from_label, rating_label
from storage.articles import UNKNOWN_OUTLET, NewArticle, NewClaim, add_article, article_by_hash
from storage.database import Database
from storage.groups import create_group, group_of_claim, merge_groups
from storage.models import (
    Claim,
    ClaimOrigin,
    ClaimStatus,
    MemberDecision,
    VerdictStatus,
)
from storage.verdicts import EvidenceItem as NewEvidence
from storage.verdicts import (
    InvalidStatusChange,
    VerdictDraft,
    save_verdict,
    set_status,
    verdict_for_group,
)

BATCH = 50  # ClaimReview items per write transaction on import (a few seconds at most)


# --- import -------------------------------------------------------------------------------


# A string, a bracket or a comma: enough to find where each element of a top-level array ends
# without parsing it (one element nested 200,000 deep must not take the others with it).
_JSON_TOKENS = re.compile(r'"(?:[^"\\]+|\\.)*"|[\[\]{},]', re.S)
_UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, OverflowError, RecursionError)


def _file_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ClaimReviewError(f"{path} is {size // 2**20} MiB; ClaimReview files over "
                                   f"{MAX_FILE_BYTES // 2**20} MiB are refused.")
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ClaimReviewError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise ClaimReviewError(f"{path} is not a JSON file ({exc}).") from exc


def _array_elements(text: str, start: int) -> Iterator[str]:
    """The source text of each element of the JSON array whose ``[`` is at ``start``."""
    depth, begin = 0, start + 1
    for token in _JSON_TOKENS.finditer(text, start + 1):
        char = token.group()
        if char in "[{":
            depth += 1
        elif char in "]}":
            if depth == 0:
                if text[begin:token.start()].strip():
                    yield text[begin:token.start()]
                return
            depth -= 1
        elif char == "," and depth == 0:
            yield text[begin:token.start()]
            begin = token.end()
    raise ClaimReviewError("the JSON array is not closed")


def iter_claimreview_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(number, object) of each ClaimReview in a file: a JSON array, one object, or an object
    with @graph. An element that is not JSON (or nested too deeply) comes as the exception
    saying why, so it is skipped alone. The file is untrusted: its size is capped and nothing
    in it is ever fetched."""
    text = _file_text(path)
    body = text.lstrip()
    if body.startswith("["):
        try:
            elements = list(_array_elements(body, 0))
        except ClaimReviewError as exc:
            raise ClaimReviewError(f"{path} is not a JSON file ({exc}).") from exc
        for n, raw in enumerate(elements, start=1):
            try:
                yield n, json.loads(raw)
            except RecursionError:
                yield n, ValueError("nested too deeply to read")
            except ValueError as exc:
                yield n, ValueError(f"not JSON ({exc})")
        return
    try:
        data = json.loads(body)
    except RecursionError as exc:
        raise ClaimReviewError(f"{path} is nested too deeply to read.") from exc
    except ValueError as exc:
        raise ClaimReviewError(f"{path} is not a JSON file ({exc}).") from exc
    if isinstance(data, dict):
        data = data["@graph"] if isinstance(data.get("@graph"), list) else [data]
    if not isinstance(data, list):
        raise ClaimReviewError(f"{path} holds no ClaimReview objects.")
    yield from enumerate(data, start=1)


def read_claimreview_file(path: Path) -> list[Any]:
    """The ClaimReview objects in a file (an element that cannot be read, as its exception)."""
    return [item for _n, item in iter_claimreview_items(path)]


def _text(value: Any, limit: int = MAX_TEXT) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = markup.clean(value).strip()
    if len(cleaned) > limit:
        raise ValueError(f"a text field is longer than {limit} characters")
    return cleaned or None


def _day(value: Any) -> dt.date | None:
    if not is_date(value):
        return None
    return dt.date.fromisoformat(value[:10])


def _name(value: Any) -> str | None:
    return _text(value.get("name"), 500) if isinstance(value, dict) else None


@dataclass(frozen=True)
class _Incoming:
    """One ClaimReview, read into the values Claimdesk stores."""

    claim_text: str
    category: str | None
    claimant: str | None
    rating: str | None
    summary: str
    rationale: str
    reviewer: str | None
    status: str
    appearances: list[tuple[str, str | None, str | None, dt.date | None, str]]  # outlet, url, title, date, text
    evidence: list[NewEvidence]


def _incoming(item: dict[str, Any]) -> _Incoming:
    claim_text = _text(item["claimReviewed"], 5_000)
    assert claim_text is not None  # checked by validate_claimreview
    rating_obj = item["reviewRating"]
    rating = rating_from_label(rating_obj.get("alternateName") or "")
    value = rating_obj.get("ratingValue")
    if rating is None and is_number(value):
        best, worst = rating_obj["bestRating"], rating_obj["worstRating"]
        scaled = round(1 + 4 * (value - worst) / (best - worst))  # onto our 1..5
        rating = RATING_FOR_VALUE.get(scaled)
    claim = item["itemReviewed"]
    author = claim.get("author")
    claimant = _name(author) if isinstance(author, dict) and author.get("@type") == "Person" else None
    appearances = []
    for a in claim.get("appearance", []):
        if isinstance(a, str):
            a = {"url": a}
        text = _text(a.get("text")) or claim_text
        appearances.append((_name(a.get("author")) or UNKNOWN_OUTLET, _text(a.get("url"), 4_000),
                            _text(a.get("headline"), 2_000), _day(a.get("datePublished")), text))
    evidence = []
    for c in item.get("citation", []) if isinstance(item.get("citation"), list) else []:
        if isinstance(c, dict):
            evidence.append(NewEvidence(
                title=_text(c.get("name"), 2_000) or "Untitled source",
                publisher=_name(c.get("publisher")), url=_text(c.get("url"), 4_000),
                published=_day(c.get("datePublished")), quote=_text(c.get("text")),
                note=_text(c.get("description"))))
    status = item.get("creativeWorkStatus")
    keywords = item.get("keywords")
    return _Incoming(
        claim_text=claim_text,
        category=_text(keywords, 200) if isinstance(keywords, str) else None,
        claimant=claimant,
        rating=rating,
        summary=_text(rating_obj.get("ratingExplanation")) or "",
        rationale=_text(item.get("reviewBody")) or "",
        reviewer=_name(item.get("contributor")),
        # A ClaimReview out in the world is a published one unless it says otherwise.
        status=(status if isinstance(status, str) and status in set(VerdictStatus)
                else VerdictStatus.PUBLISHED),
        appearances=appearances,
        evidence=evidence,
    )


@dataclass
class ImportReport:
    """What an import did, for one line of output and a list of things a person should look at."""

    groups_created: int = 0
    appearances_added: int = 0
    verdicts_created: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.groups_created} claim groups created, {self.verdicts_created} verdicts, "
                f"{self.appearances_added} appearances added, {self.unchanged} already present, "
                f"{len(self.conflicts)} kept local verdict, {len(self.skipped)} skipped")


def _claim_for(session: Session, known: Known, outlet: str, url: str | None,
               title: str | None, published: dt.date | None, text: str, incoming: _Incoming,
               actor: str) -> tuple[int | None, int | None]:
    """(a claim id for this appearance that is in no group, the group it is in if it is
    already taken). An existing claim with the same sentence and URL is reused; otherwise a
    small stand-in article holding just the quoted sentence is stored. The existing claims
    come from ``known`` (read once per import: a query per appearance scanned every claim)."""
    taken_by = None
    for claim_id in known.claims(url, text):
        group = group_of_claim(session, claim_id)
        if group is None:
            return claim_id, None
        taken_by = group
    if taken_by is not None:
        return None, taken_by
    digest = claim_text_hash(f"claimreview-appearance\n{url or ''}\n{text}")
    if article_by_hash(session, digest) is not None:
        return None, None  # a stand-in from an earlier import whose claim was removed
    article_id = add_article(
        session,
        NewArticle(outlet=outlet, text=text, content_hash=digest, title=title, url=url,
                   published=published, source_format="claimreview"),
        [NewClaim(sentence=text, start=0, end=len(text), category=incoming.category,
                  claimant=incoming.claimant, status=ClaimStatus.ACCEPTED,
                  origin=ClaimOrigin.MANUAL)],
        actor=actor,
    )
    claim_id = session.execute(select(Claim.id).where(Claim.article_id == article_id)
                               ).scalar_one()
    known.add_claim(url, text, claim_id)
    return claim_id, None


def _import_one(session: Session, incoming: _Incoming, known_rows: Known,
                report: ImportReport, actor: str) -> None:
    key = claim_text_hash(incoming.claim_text)
    group_id = known_rows.groups.get(key)
    known: set[tuple[str | None, str]] = set()
    if group_id is not None:
        existing = load_groups(session, [group_id])[0]
        # Non-web URLs are not exported, so compare on what the file can carry.
        known = {(markup.safe_url(a.url), a.sentence) for a in existing.appearances}
    fresh, taken = [], set()
    for outlet, url, title, published, text in incoming.appearances:
        if (markup.safe_url(url), text) in known:
            continue
        claim_id, taken_by = _claim_for(session, known_rows, outlet, url, title, published, text,
                                        incoming, actor)
        if claim_id is not None:
            fresh.append(claim_id)
        elif taken_by is not None and taken_by != group_id:
            taken.add(taken_by)
    if group_id is None:
        if not fresh:
            where = ", ".join(f"#{g}" for g in sorted(taken)) or "elsewhere"
            report.skipped.append(f"“{_short(incoming.claim_text)}”: its appearances already "
                                  f"belong to claim group {where}; merge them by hand")
            return
        group_id = create_group(session, fresh, actor=actor, canonical_text=incoming.claim_text,
                                category=incoming.category, decision=MemberDecision.CONFIRMED,
                                audit_action="group_imported")
        known_rows.add_group(key, group_id)
        report.groups_created += 1
    elif fresh:
        extra = create_group(session, fresh, actor=actor, decision=MemberDecision.CONFIRMED,
                             audit_action=None)
        merge_groups(session, group_id, extra, actor=actor)
        report.appearances_added += len(fresh)

    local = verdict_for_group(session, group_id)
    if local is not None:
        same = (local.rating, local.summary.strip(), local.rationale.strip()) == (
            incoming.rating, incoming.summary, incoming.rationale)
        if same:
            report.unchanged += 1
        else:
            report.conflicts.append(
                f"claim group #{group_id} “{_short(incoming.claim_text)}”: this database rates it "
                f"{rating_label(local.rating)}, the file {rating_label(incoming.rating)}; "
                "the local verdict was kept")
        return
    draft = VerdictDraft(rating=incoming.rating, summary=incoming.summary,
                         rationale=incoming.rationale, reviewer=incoming.reviewer,
                         evidence=incoming.evidence)
    version = save_verdict(session, group_id, draft, expected_version=None, actor=actor)
    # Walk the workflow up to the status it had (a verdict cannot be approved without a rating).
    if incoming.rating is not None and incoming.status in STATUS_STEPS:
        for step in STATUS_STEPS[: STATUS_STEPS.index(incoming.status) + 1]:
            try:
                version = set_status(session, group_id, step, expected_version=version,
                                     actor=actor)
            except InvalidStatusChange as exc:  # the desk's own rules (#17.3) stop it here
                report.skipped.append(f"claim group #{group_id} “{_short(incoming.claim_text)}”: "
                                      f"not taken to {step.replace('_', ' ')}: {exc}")
                break
    report.verdicts_created += 1


def _short(text: str, limit: int = 70) -> str:
    text = markup.one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_item(n: int, item: Any, report: ImportReport) -> _Incoming | None:
    """One item, read into what Claimdesk stores; None (and a note) when it cannot be."""
    if isinstance(item, Exception):
        report.skipped.append(f"item {n}: {item}")
        return None
    try:
        problems = validate_claimreview(item)
        if not problems:
            return _incoming(item)
    except _UNREADABLE as exc:
        problems = [str(exc) if isinstance(exc, ValueError) and str(exc)
                    else f"a field has a shape Claimdesk cannot read ({type(exc).__name__})"]
    report.skipped.append(f"item {n}: {'; '.join(problems)}")
    return None


def _import_guarded(session: Session, n: int, incoming: _Incoming, known_rows: Known,
                    report: ImportReport, actor: str) -> None:
    """One item in a savepoint: an item the database refuses (the same appearance listed twice,
    say) is rolled back and noted alone; the batch goes on."""
    counts = dataclasses.replace(
        report, conflicts=list(report.conflicts), skipped=list(report.skipped))
    known_rows.begin()
    try:
        with session.begin_nested():
            _import_one(session, incoming, known_rows, report, actor)
    except IntegrityError as exc:
        known_rows.rollback()
        for name in ("groups_created", "appearances_added", "verdicts_created", "unchanged",
                     "conflicts"):
            setattr(report, name, getattr(counts, name))
        detail = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        report.skipped = counts.skipped + [
            f"item {n}: “{incoming.claim_text[:60]}…” could not be stored ({detail})"]


def import_claimreview(db: Database, path: Path, *, actor: str) -> ImportReport:
    """Merge the ClaimReviews in ``path`` into ``db``, :data:`BATCH` items per transaction
    (other writers wait for one batch, never for the whole file; an interrupted import keeps
    the batches before, and importing again completes it without duplicates).

    A claim group is recognised by the content hash of its wording; a group already here gains
    the appearances it lacks, and keeps its own verdict if it has one (a differing verdict is
    reported, never overwritten). Invalid items are skipped and reported, one by one.
    """
    report = ImportReport()
    known_rows = Known()
    batch: list[tuple[int, _Incoming]] = []

    def flush() -> None:
        with db.write() as session:
            known_rows.catch_up(session)
            for n, incoming in batch:
                _import_guarded(session, n, incoming, known_rows, report, actor)
        batch.clear()

    for n, item in iter_claimreview_items(Path(path)):
        incoming = _read_item(n, item, report)
        if incoming is not None:
            batch.append((n, incoming))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return report
