"""#17.2 in the outputs: a published verdict prints its snapshot, and a correction is listed in
the briefing, on the card and in ClaimReview's dateModified."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pypdf
from sqlalchemy import select, update

from export.claimreview import write_claimreview
from export.data import load_selection
from export.pdf_briefing import write_briefing
from export.publisher import Publisher
from export.verdict_card import write_verdict_card
from storage.articles import NewArticle, NewClaim, add_article
from storage.match_store import add_member
from storage.models import Claim, VerdictVersion
from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, verdict_for_group

PUBLISHER = Publisher(organisation="Desk", author="Ann", corrections="fix@example.org",
                      base_url="https://checks.example.org")
REASON = "The ministry revised its map on 20 March."


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def _late_appearance(room) -> None:
    """A later import joins an earlier-dated appearance to the published Kursk group."""
    text = "An early outlet said Ukraine held 300 square miles of Kursk."
    with room.db.write() as s:
        aid = add_article(s, NewArticle(outlet="Sample: Late Gazette", text=text,
                                        content_hash=hashlib.sha256(text.encode()).hexdigest(),
                                        published=dt.date(2024, 1, 1)),
                          [NewClaim(sentence=text, start=0, end=len(text))], actor="t")
        cid = s.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()
        add_member(s, room.kursk, cid, 0.9, {"why": "late"})


def _correct(room) -> None:
    with room.db.write() as s:
        v = verdict_for_group(s, room.kursk)
        save_verdict(s, room.kursk, VerdictDraft(
            rating="false", summary="About 79 sq mi, far from 120.", rationale="ISW data, revised.",
            reviewer="R", evidence=[EvidenceItem(title="War Report Card", url="https://example.org/rm")]),
            expected_version=v.version, actor="tester", reason=REASON)
        # Dated as in life: first published in mid-March, corrected a week later.
        for number, day in ((1, 14), (2, 21)):
            s.execute(update(VerdictVersion).where(VerdictVersion.group_id == room.kursk,
                                                   VerdictVersion.number == number)
                      .values(published_at=dt.datetime(2025, 3, day, 12, tzinfo=dt.UTC)))


def test_a_published_group_does_not_drift_when_appearances_join(newsroom, tmp_path):
    _late_appearance(newsroom)
    for status in ("published", "approved", "all"):
        (group,) = [g for g in load_selection(newsroom.db, status).groups if g.id == newsroom.kursk]
        assert "Sample: Late Gazette" not in group.outlets, status
    (group,) = load_selection(newsroom.db, "published", [newsroom.kursk]).groups
    result = write_claimreview([group], tmp_path / "cr.json", publisher=PUBLISHER)
    (item,) = json.loads(result.path.read_text(encoding="utf-8"))
    first = item["itemReviewed"]["firstAppearance"]
    assert first["author"]["name"] == "Sample: Northern Ledger"
    assert "300 square miles" not in json.dumps(item)


def test_a_correction_is_in_the_briefing_the_card_and_claimreview(newsroom, tmp_path):
    _correct(newsroom)
    (group,) = load_selection(newsroom.db, "published", [newsroom.kursk]).groups
    assert group.rating == "false" and group.verdict.version == 2
    (c,) = group.verdict.corrections
    assert c.reason == REASON and c.rating == "false"

    groups = load_selection(newsroom.db, "published").groups
    brief = write_briefing(groups, tmp_path / "b.pdf", publisher=PUBLISHER)
    text = _text(brief.path)
    assert "Corrections" in text
    assert f"Corrected on 21 March 2025: {REASON}" in text
    assert "(rating Mostly false → False)" in text and "Published (corrected)" in text
    outline = [o.title for o in pypdf.PdfReader(brief.path).outline if not isinstance(o, list)]
    assert "Corrections" in outline

    card = write_verdict_card(group, tmp_path / "card.pdf", publisher=PUBLISHER)
    assert f"Corrected on 21 March 2025: {REASON}" in _text(card.path)

    result = write_claimreview([group], tmp_path / "cr.json", publisher=PUBLISHER)
    (item,) = json.loads(result.path.read_text(encoding="utf-8"))
    assert item["dateModified"] == "2025-03-21"
    assert item["datePublished"] < item["dateModified"]
    assert item["reviewRating"]["alternateName"] == "False"


def test_a_verdict_sent_back_for_correction_stays_published_as_it_was(newsroom, tmp_path):
    from storage.verdicts import set_status

    with newsroom.db.write() as s:
        v = verdict_for_group(s, newsroom.kursk)
        v2 = set_status(s, newsroom.kursk, "draft", expected_version=v.version, actor="tester")
        save_verdict(s, newsroom.kursk, VerdictDraft(rating="true", summary="Work in progress"),
                     expected_version=v2, actor="tester")
    (group,) = load_selection(newsroom.db, "published", [newsroom.kursk]).groups
    assert group.rating == "mostly_false" and group.verdict.status == "published"
    (live,) = load_selection(newsroom.db, "all", [newsroom.kursk]).groups
    assert live.rating == "true" and live.verdict.status == "draft"
