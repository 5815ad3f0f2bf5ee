"""ClaimReview items written from claim groups with a verdict, and the file they go in."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from export import markup
from export.data import GroupReport
from export.paths import atomic_output
from export.publisher import Publisher
from export.ratings import CLAIMREVIEW_BEST, CLAIMREVIEW_VALUE, CLAIMREVIEW_WORST, rating_label
from storage.models import VerdictStatus

CONTEXT = "https://schema.org"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT = 20_000  # characters in any one imported string
STATUS_STEPS = (VerdictStatus.IN_REVIEW, VerdictStatus.APPROVED, VerdictStatus.PUBLISHED)


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
