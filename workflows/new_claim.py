"""A claim made by hand from selected article text: extraction reads the span, storage keeps it."""

from __future__ import annotations

from extraction import claim_from_span
from storage.actions import add_manual_claim
from storage.articles import NewClaim
from storage.database import Database
from storage.reads import article_text


def create_claim(db: Database, article_id: int, start: int, end: int, *, actor: str) -> int | None:
    """Store the claim made from ``article.text[start:end]``; None if only blanks were chosen."""
    found = article_text(db, article_id)
    if found is None:
        raise LookupError(f"article {article_id} does not exist")
    text, published = found
    proposed = claim_from_span(text, start, end, published=published)
    if not proposed.sentence:
        return None
    claim = NewClaim(
        sentence=proposed.sentence, start=proposed.start, end=proposed.end,
        category=proposed.category, figures=[f.to_json_dict() for f in proposed.figures],
        claimant=proposed.claimant, score=proposed.score, cues=list(proposed.cues))
    # Article texts never change, so storing in a second transaction sees the same text
    # (add_manual checks the span against it all the same).
    return add_manual_claim(db, article_id, claim, actor=actor)
