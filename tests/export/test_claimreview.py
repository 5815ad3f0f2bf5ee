"""ClaimReview JSON-LD: the fields Google's Fact Check Tools read, and re-import into another desk."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from export.claimreview import (
    ClaimReviewError,
    claimreview_document,
    import_claimreview,
    validate_claimreview,
    write_claimreview,
)
from export.data import claim_text_hash, load_selection
from export.publisher import Publisher
from storage.models import Article, Claim, ClaimGroup, Evidence, Verdict
from storage.publication import group_appearances
from storage.schema import open_database
from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, verdict_for_group

PUBLISHER = Publisher(organisation="Desk Org", author="Ann", base_url="https://checks.example.org")


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {m.__name__: s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (ClaimGroup, Verdict, Claim, Article, Evidence)}


@pytest.fixture
def exported(newsroom, tmp_path):
    groups = load_selection(newsroom.db, "approved").groups
    result = write_claimreview(groups, tmp_path / "reviews.json", publisher=PUBLISHER)
    return newsroom, groups, result, json.loads(result.path.read_text(encoding="utf-8"))


def test_every_item_has_the_fields_fact_check_tools_read(exported):
    newsroom, groups, result, items = exported
    assert result.items == len(items) == 5 and result.unrated == []
    for item, group in zip(items, groups, strict=True):
        assert validate_claimreview(item) == []
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["claimReviewed"] == group.canonical_text
        assert item["author"] == {"@type": "Organization", "name": "Desk Org"}
        assert item["url"].startswith("https://checks.example.org/claims/")
        dt.date.fromisoformat(item["datePublished"])
        rating = item["reviewRating"]
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert rating["alternateName"] == group.rating_label
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["name"]
        dt.date.fromisoformat(claim["datePublished"])
        assert [a["text"] for a in claim["appearance"]] == [a.sentence for a in group.appearances]
    by_text = {i["claimReviewed"]: i for i in items}
    assert by_text[newsroom.CYRILLIC]["reviewRating"]["ratingValue"] == 1
    assert by_text[newsroom.MARKUP]["reviewRating"]["ratingValue"] == 2  # misleading
    assert by_text[newsroom.KURSK_OK]["reviewRating"]["ratingValue"] == 2  # mostly false
    assert by_text[newsroom.APPROVED]["reviewRating"]["ratingValue"] == 5
    unverifiable = by_text[newsroom.LONGISH]["reviewRating"]
    assert "ratingValue" not in unverifiable and unverifiable["alternateName"] == "Unverifiable"
    kursk = by_text[newsroom.KURSK_OK]["itemReviewed"]
    assert [a.get("url") for a in kursk["appearance"]] == ["https://example.org/k?a=1&b=2", None]
    assert kursk["datePublished"] == "2025-03-12"
    assert by_text[newsroom.APPROVED]["creativeWorkStatus"] == "approved"


def test_non_web_urls_never_leave_the_desk(exported):
    newsroom, _, result, items = exported
    urls = []

    def walk(node):
        if isinstance(node, dict):
            urls.extend(v for k, v in node.items() if k == "url")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(items)
    assert urls and all(u.startswith(("https://", "http://")) for u in urls), urls
    markup_item = next(i for i in items if i["claimReviewed"] == newsroom.MARKUP)
    assert "url" not in markup_item["itemReviewed"]["appearance"][0]
    assert markup_item["claimReviewed"] == newsroom.MARKUP  # text stays exactly as typed


def test_unrated_groups_are_left_out_and_counted(newsroom):
    groups = load_selection(newsroom.db, "all").groups
    items, unrated = claimreview_document(groups, PUBLISHER)
    assert unrated == [newsroom.unrated]
    assert len(items) == len(groups) - 1  # the draft has a rating, so it is exported


def test_validation_catches_what_google_would_reject(exported):
    item = exported[3][0]
    assert validate_claimreview({**item, "datePublished": "yesterday"}) == [
        "datePublished is missing or not a date"]
    bad_rating = {**item, "reviewRating": {**item["reviewRating"], "ratingValue": 9}}
    assert validate_claimreview(bad_rating) == ["reviewRating.ratingValue is outside worstRating..bestRating"]
    no_name = {**item, "reviewRating": {**item["reviewRating"], "alternateName": ""}}
    assert "reviewRating.alternateName is missing" in validate_claimreview(no_name)
    assert "url is missing or not an http(s) URL" in validate_claimreview({**item, "url": "javascript:x"})
    assert validate_claimreview([]) == ["not a JSON object"]


def test_round_trip_into_another_database_twice_without_duplicates(exported, tmp_path):
    _, groups, result, items = exported
    other = open_database(tmp_path / "laptop-b.sqlite")
    try:
        report = import_claimreview(other, result.path, actor="laptop-b")
        assert report.groups_created == report.verdicts_created == len(items)
        assert report.skipped == [] and report.conflicts == []
        after_first = _counts(other)
        assert after_first["ClaimGroup"] == after_first["Verdict"] == len(items)

        imported = {g.canonical_text: g for g in load_selection(other, "all").groups}
        for g in groups:
            twin = imported[g.canonical_text]
            assert twin.rating == g.rating
            assert twin.verdict.summary == g.verdict.summary
            assert twin.verdict.rationale == g.verdict.rationale
            assert twin.verdict.reviewer == g.verdict.reviewer
            assert twin.verdict.status == g.verdict.status
            assert [e.title for e in twin.verdict.evidence] == [e.title for e in g.verdict.evidence]
            assert sorted(a.sentence for a in twin.appearances) == sorted(a.sentence for a in g.appearances)
            assert sorted(a.outlet for a in twin.appearances) == sorted(a.outlet for a in g.appearances)
            assert twin.first_published == g.first_published

        again = import_claimreview(other, result.path, actor="laptop-b")
        assert (again.groups_created, again.verdicts_created, again.appearances_added) == (0, 0, 0)
        assert again.unchanged == len(items)
        assert _counts(other) == after_first
    finally:
        other.dispose()


def test_importing_into_the_source_database_changes_nothing(exported):
    newsroom, _, result, items = exported
    before = _counts(newsroom.db)
    report = import_claimreview(newsroom.db, result.path, actor="me")
    assert report.unchanged == len(items) and report.groups_created == 0
    assert _counts(newsroom.db) == before


def test_a_different_local_verdict_is_kept_and_reported(exported, tmp_path):
    newsroom, _, result, _ = exported
    other = open_database(tmp_path / "b.sqlite")
    try:
        import_claimreview(other, result.path, actor="b")
        gid = next(g.id for g in load_selection(other, "all").groups
                   if g.canonical_text == newsroom.CYRILLIC)
        with other.write() as s:
            v = verdict_for_group(s, gid)
            # The imported verdict is published: changing it is a correction (#17.2).
            save_verdict(s, gid, VerdictDraft(rating="half_true", summary="Local view.",
                                              rationale="Local reading.",
                                              evidence=[EvidenceItem(title="Local source")]),
                         expected_version=v.version, actor="b", reason="Local review differs")
        report = import_claimreview(other, result.path, actor="b")
        assert len(report.conflicts) == 1 and "kept" in report.conflicts[0]
        with other.read() as s:
            assert verdict_for_group(s, gid).rating == "half_true"
    finally:
        other.dispose()


def test_a_new_appearance_in_the_file_joins_the_existing_group(exported, tmp_path):
    newsroom, _, result, items = exported
    other = open_database(tmp_path / "b.sqlite")
    try:
        import_claimreview(other, result.path, actor="b")
        item = next(i for i in items if i["claimReviewed"] == newsroom.CYRILLIC)
        item["itemReviewed"]["appearance"].append({
            "@type": "CreativeWork", "url": "https://example.net/ru/2", "datePublished": "2025-06-05",
            "author": {"@type": "Organization", "name": "Sample: Вечерний меридиан"},
            "text": "Киев заявил, что Зеленский подписал соглашение."})
        extra = tmp_path / "extra.json"
        extra.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
        before = _counts(other)
        report = import_claimreview(other, extra, actor="b")
        assert (report.groups_created, report.appearances_added, report.unchanged) == (0, 1, 1)
        group = next(g for g in load_selection(other, "all").groups
                     if g.content_hash == claim_text_hash(newsroom.CYRILLIC))
        with other.read() as s:
            live = group_appearances(s, group.id)
        assert [a["outlet"] for a in live] == ["Sample: Ранкова хвиля",
                                               "Sample: Вечерний меридиан"]
        # The verdict was published before the new appearance came: what was published stays.
        assert [a.outlet for a in group.appearances] == ["Sample: Ранкова хвиля"]
        assert _counts(other)["ClaimGroup"] == before["ClaimGroup"]
    finally:
        other.dispose()


def test_broken_files_and_items_are_refused_with_a_sentence(exported, tmp_path):
    _, _, _, items = exported
    other = open_database(tmp_path / "b.sqlite")
    try:
        junk = tmp_path / "junk.json"
        junk.write_bytes(b"\x00\xffnot json")
        with pytest.raises(ClaimReviewError, match="not a JSON file"):
            import_claimreview(other, junk, actor="b")
        mixed = tmp_path / "mixed.json"
        mixed.write_text(json.dumps({"@graph": [items[0], {"@type": "ClaimReview"}, 42]}))
        report = import_claimreview(other, mixed, actor="b")
        assert report.groups_created == 1
        assert len(report.skipped) == 2 and report.skipped[0].startswith("item 2: ")
    finally:
        other.dispose()


def test_content_hash_ignores_case_spacing_and_unicode_forms():
    assert claim_text_hash("Київ  заявив\n") == claim_text_hash("київ заявив")
    assert claim_text_hash("ﬁve") == claim_text_hash("five")
    assert claim_text_hash("Kyiv") != claim_text_hash("Kiev")
