"""ClaimReview JSON-LD (schema.org, as Google Fact Check Tools reads it): export, check, re-import.

One file holds a JSON array of self-contained ClaimReview objects — the form that can be pasted
into a page's ``<script type="application/ld+json">`` and the form another Claimdesk reads back
(two laptops share work offline by passing this file). Re-import merges by a content hash of
the claim's wording, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from export import markup
from export.data import GroupReport, claim_text_hash, load_groups
from export.paths import atomic_output
from export.publisher import Publisher
from export.ratings import (
    CLAIMREVIEW_BEST,
    CLAIMREVIEW_VALUE,
    CLAIMREVIEW_WORST,
    RATING_FOR_VALUE,
    rating_from_label,
    rating_label,
)
from storage.articles import UNKNOWN_OUTLET, NewArticle, NewClaim, add_article, article_by_hash
from storage.database import Database
from storage.groups import create_group, group_of_claim, merge_groups
from storage.models import (
    Article,
    Claim,
    ClaimGroup,
    ClaimOrigin,
    ClaimStatus,
    MemberDecision,
    VerdictStatus,
)
from storage.verdicts import (
    EvidenceItem as NewEvidence,
)
from storage.verdicts import (
    InvalidStatusChange,
    VerdictDraft,
    save_verdict,
    set_status,
    verdict_for_group,
)

CONTEXT = "https://schema.org"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT = 20_000  # characters in any one imported string
BATCH = 50  # ClaimReview items per write transaction on import (a few seconds at most)
_STATUS_STEPS = (VerdictStatus.IN_REVIEW, VerdictStatus.APPROVED, VerdictStatus.PUBLISHED)


class ClaimReviewError(Exception):
    """A ClaimReview file that cannot be read at all; the message is a sentence for the user."""


# --- export -------------------------------------------------------------------------------


def _date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def review_url(group: GroupReport, publisher: Publisher) -> str:
    # From the wording's hash, not the local id: the same claim has the same URL on every laptop.
    return f"{publisher.base_url}/claims/{group.content_hash[:16]}"


def claimreview_item(group: GroupReport, publisher: Publisher) -> dict[str, Any]:
    """The ClaimReview object for one rated group."""
    v = group.verdict
    if v is None or v.rating is None:
        raise ValueError(f"claim group {group.id} has no rating to publish")
    rating: dict[str, Any] = {"@type": "Rating"}
    value = CLAIMREVIEW_VALUE.get(v.rating)
    if value is not None:  # Unverifiable: no number on the scale (see export.ratings)
        rating["ratingValue"] = value
    rating.update(bestRating=CLAIMREVIEW_BEST, worstRating=CLAIMREVIEW_WORST,
                  alternateName=rating_label(v.rating))
    if v.summary.strip():
        rating["ratingExplanation"] = v.summary.strip()

    appearances = []
    for a in group.appearances:
        work: dict[str, Any] = {"@type": "CreativeWork"}
        # Only web addresses leave the desk: a javascript: or file: "URL" typed into an
        # article's metadata must not become a link on someone's fact-check page.
        if markup.safe_url(a.url):
            work["url"] = a.url
        if a.article_title:
            work["headline"] = a.article_title
        if a.published:
            work["datePublished"] = a.published.isoformat()
        work["author"] = {"@type": "Organization", "name": a.outlet}
        work["text"] = a.sentence
        appearances.append(work)
    claim: dict[str, Any] = {"@type": "Claim"}
    # The claimant when extraction found one (we cannot tell a person from a body, so "Person"
    # is a guess Google accepts either way); otherwise the first outlet that carried it.
    if group.claimant:
        claim["author"] = {"@type": "Person", "name": group.claimant}
    elif group.appearances:
        claim["author"] = {"@type": "Organization", "name": group.appearances[0].outlet}
    if group.first_published:
        claim["datePublished"] = group.first_published.isoformat()
    if appearances:
        claim["appearance"] = appearances
        dated = [w for w in appearances if "datePublished" in w]
        claim["firstAppearance"] = min(dated, key=lambda w: w["datePublished"]) if dated else appearances[0]

    item: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": f"claimdesk:{group.content_hash}",
        "url": review_url(group, publisher),
        "claimReviewed": group.canonical_text,
        "datePublished": _date(v.published_at or v.updated_at),
        "dateModified": _date(v.modified_at),
        "author": {"@type": "Organization", "name": publisher.organisation},
        "reviewRating": rating,
        "itemReviewed": claim,
        "creativeWorkStatus": v.status,
    }
    if v.rationale.strip():
        item["reviewBody"] = v.rationale.strip()
    if v.reviewer:
        item["contributor"] = {"@type": "Person", "name": v.reviewer}
    if group.category:
        item["keywords"] = group.category
    if v.evidence:
        citations = []
        for e in v.evidence:
            c: dict[str, Any] = {"@type": "CreativeWork", "name": e.title}
            if e.publisher:
                c["publisher"] = {"@type": "Organization", "name": e.publisher}
            if markup.safe_url(e.url):
                c["url"] = e.url
            if e.published:
                c["datePublished"] = e.published.isoformat()
            if e.quote:
                c["text"] = e.quote
            if e.note:
                c["description"] = e.note
            citations.append(c)
        item["citation"] = citations
    return item


@dataclass(frozen=True)
class ClaimReviewResult:
    path: Path
    items: int
    unrated: list[int]


def claimreview_document(groups: Sequence[GroupReport], publisher: Publisher) -> tuple[list[dict[str, Any]], list[int]]:
    """(ClaimReview objects for the rated groups, ids of the groups left out for lack of a rating)."""
    items, unrated = [], []
    for g in groups:
        if g.rating is None:
            unrated.append(g.id)
        else:
            items.append(claimreview_item(g, publisher))
    return items, unrated


# Characters that could end a <script> element or start markup where the JSON is pasted into
# <script type="application/ld+json">, and the line separators JavaScript once refused.
_EMBED_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def embeddable_json(value: object) -> str:
    """JSON text safe to embed in an HTML ``<script>`` element: ``<``, ``>``, ``&`` (and
    U+2028/2029) written as ``\\u`` escapes. They only ever occur inside JSON strings, where
    the escape means the same character, so the data read back is unchanged."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    for char, escape in _EMBED_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def write_claimreview(groups: Sequence[GroupReport], path: Path, *, publisher: Publisher) -> ClaimReviewResult:
    items, unrated = claimreview_document(groups, publisher)
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(embeddable_json(items))
        fh.write("\n")
    return ClaimReviewResult(path=Path(path).expanduser().resolve(), items=len(items), unrated=unrated)


# --- checking -----------------------------------------------------------------------------


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value[:10])
        if len(value) > 10:
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _named(value: Any, types: tuple[str, ...]) -> bool:
    return (isinstance(value, dict) and value.get("@type") in types
            and isinstance(value.get("name"), str) and bool(value["name"].strip()))


def validate_claimreview(item: Any) -> list[str]:
    """What is wrong with one ClaimReview object, against the fields Google's Fact Check Tools
    read; an empty list means it is fine."""
    if not isinstance(item, dict):
        return ["not a JSON object"]
    problems = []
    if item.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    if not isinstance(item.get("claimReviewed"), str) or not item["claimReviewed"].strip():
        problems.append("claimReviewed is missing")
    if markup.safe_url(item.get("url")) is None:
        problems.append("url is missing or not an http(s) URL")
    if not _is_date(item.get("datePublished")):
        problems.append("datePublished is missing or not a date")
    if not _named(item.get("author"), ("Organization", "Person")):
        problems.append("author (the reviewing organisation) is missing")
    rating = item.get("reviewRating")
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        problems.append("reviewRating is missing")
    else:
        if not isinstance(rating.get("alternateName"), str) or not rating["alternateName"].strip():
            problems.append("reviewRating.alternateName is missing")
        best, worst = rating.get("bestRating"), rating.get("worstRating")
        if not (_is_number(best) and _is_number(worst) and worst < best):
            problems.append("reviewRating.bestRating/worstRating are missing or inverted")
        elif "ratingValue" in rating and not (
            _is_number(rating["ratingValue"]) and worst <= rating["ratingValue"] <= best
        ):
            problems.append("reviewRating.ratingValue is outside worstRating..bestRating")
    claim = item.get("itemReviewed")
    if not isinstance(claim, dict) or claim.get("@type") != "Claim":
        problems.append("itemReviewed is not a Claim")
    else:
        if "author" in claim and not _named(claim["author"], ("Organization", "Person")):
            problems.append("itemReviewed.author has no name")
        if "datePublished" in claim and not _is_date(claim["datePublished"]):
            problems.append("itemReviewed.datePublished is not a date")
        appearances = claim.get("appearance", [])
        if not isinstance(appearances, list):
            problems.append("itemReviewed.appearance is not a list")
        else:
            for i, a in enumerate(appearances):
                if not isinstance(a, dict | str):
                    problems.append(f"appearance {i + 1} is neither a URL nor a CreativeWork")
                elif isinstance(a, dict) and "url" in a and not isinstance(a["url"], str):
                    problems.append(f"appearance {i + 1} has a url that is not text")
    return problems


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
    if not _is_date(value):
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
    if rating is None and _is_number(value):
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


def _claim_for(session: Session, outlet: str, url: str | None, title: str | None,
               published: dt.date | None, text: str, incoming: _Incoming, actor: str
               ) -> tuple[int | None, int | None]:
    """(a claim id for this appearance that is in no group, the group it is in if it is
    already taken). An existing claim with the same sentence and URL is reused; otherwise a
    small stand-in article holding just the quoted sentence is stored."""
    query = select(Claim.id).join(Article, Article.id == Claim.article_id).where(Claim.sentence == text)
    query = query.where(Article.url == url) if url else query.where(Article.url.is_(None))
    taken_by = None
    for claim_id in session.execute(query.order_by(Claim.id)).scalars():
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
    return session.execute(select(Claim.id).where(Claim.article_id == article_id)).scalar_one(), None


def _import_one(session: Session, incoming: _Incoming, groups_by_hash: dict[str, int],
                report: ImportReport, actor: str) -> None:
    key = claim_text_hash(incoming.claim_text)
    group_id = groups_by_hash.get(key)
    known: set[tuple[str | None, str]] = set()
    if group_id is not None:
        existing = load_groups(session, [group_id])[0]
        # Non-web URLs are not exported, so compare on what the file can carry.
        known = {(markup.safe_url(a.url), a.sentence) for a in existing.appearances}
    fresh, taken = [], set()
    for outlet, url, title, published, text in incoming.appearances:
        if (markup.safe_url(url), text) in known:
            continue
        claim_id, taken_by = _claim_for(session, outlet, url, title, published, text, incoming, actor)
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
        groups_by_hash[key] = group_id
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
    if incoming.rating is not None and incoming.status in _STATUS_STEPS:
        for step in _STATUS_STEPS[: _STATUS_STEPS.index(incoming.status) + 1]:
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


def _import_guarded(session: Session, n: int, incoming: _Incoming,
                    groups_by_hash: dict[str, int], report: ImportReport, actor: str) -> None:
    """One item in a savepoint: an item the database refuses (the same appearance listed twice,
    say) is rolled back and noted alone; the batch goes on."""
    known, counts = dict(groups_by_hash), dataclasses.replace(
        report, conflicts=list(report.conflicts), skipped=list(report.skipped))
    try:
        with session.begin_nested():
            _import_one(session, incoming, groups_by_hash, report, actor)
    except IntegrityError as exc:
        groups_by_hash.clear()
        groups_by_hash.update(known)
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
    groups_by_hash: dict[str, int] | None = None
    batch: list[tuple[int, _Incoming]] = []

    def flush() -> None:
        nonlocal groups_by_hash
        with db.write() as session:
            if groups_by_hash is None:
                groups_by_hash = {}
                for gid, text in session.execute(select(ClaimGroup.id, ClaimGroup.canonical_text)
                                                 .order_by(ClaimGroup.id)):
                    groups_by_hash.setdefault(claim_text_hash(text), gid)
            for n, incoming in batch:
                _import_guarded(session, n, incoming, groups_by_hash, report, actor)
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
