"""The fact-check library on both engines: import never twice, our verdicts in step, links,
the saved look-up index."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from ingest.factcheck_import import import_check_files
from matching.checked import CLOSE, Library, after_import, library_for, mark_claims
from storage import factchecks, groups, verdicts
from storage.articles import NewArticle, NewClaim, add_article
from storage.factcheck_models import FactCheck, FactCheckIndex
from storage.models import AuditEntry, Claim
from storage.verdicts import VerdictDraft

REVIEWS = [
    ("Wind farms caused the national blackout in March", "False", "https://a.example/wind"),
    ("The bread price tripled since last summer", "Mostly True", "https://a.example/bread"),
    ("Half of the rail network closed for repairs this year", "Misleading",
     "https://b.example/rail"),
]


def _feed(tmp_path: Path, reviews=REVIEWS, name: str = "feed.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": [
        {"@type": "ClaimReview", "claimReviewed": claim, "url": url,
         "author": {"name": "Sample Checkers"}, "datePublished": "2025-05-01",
         "reviewRating": {"alternateName": rating}} for claim, rating, url in reviews]}),
        encoding="utf-8")
    return path


def _claim(db, text: str, n: int = 0) -> int:
    with db.write() as session:
        aid = add_article(session, NewArticle(outlet=f"Outlet {n}", text=text,
                                              content_hash=f"h{n}"),
                          [NewClaim(sentence=text, start=0, end=len(text))], actor="t")
    with db.read() as session:
        return session.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()


def test_import_stores_each_review_once_and_audits(db, tmp_path):
    feed = _feed(tmp_path)
    first = list(import_check_files(db, [feed], actor="ana"))
    again = list(import_check_files(db, [feed, _feed(tmp_path, REVIEWS[:1], "copy.json")],
                                    actor="ana"))
    assert (first[0].imported, first[0].duplicates) == (3, 0)
    assert [(r.imported, r.duplicates) for r in again] == [(0, 3), (0, 1)]
    with db.read() as session:
        rows = session.execute(select(FactCheck).order_by(FactCheck.id)).scalars().all()
        assert [(r.claim, r.rating, r.source_format) for r in rows] == [
            (REVIEWS[0][0], "false", "json"), (REVIEWS[1][0], "mostly_true", "json"),
            (REVIEWS[2][0], "misleading", "json")]
        assert rows[0].source_file == str(feed) and rows[0].imported_at is not None
        audit = session.execute(select(AuditEntry).where(
            AuditEntry.action == "fact_checks_imported")).scalars().all()
        assert len(audit) == 1 and audit[0].actor == "ana" and audit[0].after["count"] == 3


def test_look_up_finds_the_review_and_the_saved_index_is_used(db, tmp_path):
    list(import_check_files(db, [_feed(tmp_path)], actor="t"))
    after_import(db)
    with db.read() as session:
        saved = factchecks.load_index_state(session)
    assert saved is not None and saved[0] == 3
    # A fresh Library (another process) loads the saved index, it does not re-analyse.
    fresh = Library(db)
    hits = fresh.search("Blackout in March was caused by wind farms, minister says")
    assert hits[0].entry.claim == REVIEWS[0][0]
    assert hits[0].entry.rating == "false" and hits[0].entry.url == REVIEWS[0][2]
    assert hits[0].closeness >= CLOSE
    assert len(fresh) == 3


def test_rows_added_after_the_saved_index_are_caught_up(db, tmp_path):
    list(import_check_files(db, [_feed(tmp_path, REVIEWS[:2])], actor="t"))
    after_import(db)
    library = library_for(db)
    assert len(library.search("rail network repairs closed")) <= 1
    # Another writer stores a review without saving the index: the next look-up adds it.
    with db.write() as session:
        factchecks.add_fact_checks(session, [factchecks.NewFactCheck(
            claim=REVIEWS[2][0], rating_text="Misleading", url=REVIEWS[2][2])],
            source_file="elsewhere", source_format="csv", actor="t")
    hits = library.search("Half the rail network closed for repairs")
    assert hits[0].entry.url == REVIEWS[2][2]
    with db.read() as session:
        covers = session.execute(select(FactCheckIndex.covers)).scalar_one()
    assert covers == 2  # the saved copy is older; loading it catches up the same way
    assert Library(db).search("Half the rail network closed for repairs")[0].entry.url == \
        REVIEWS[2][2]


def test_our_published_verdicts_are_in_the_library_and_stay_in_step(db):
    text = "The ferry to the island carried 40,000 passengers in July"
    claim = _claim(db, text)
    with db.write() as session:
        gid = groups.create_group(session, [claim], actor="t")
        verdicts.save_verdict(session, gid, VerdictDraft(rating="true", summary="s"),
                              expected_version=None, actor="t")
    library = library_for(db)
    assert library.search(text) == []  # a draft is not published
    with db.write() as session:
        verdicts.set_status(session, gid, "in_review", expected_version=1, actor="t")
        # A second person approves: on a team server two-person review is on (#17.3).
        verdicts.set_status(session, gid, "approved", expected_version=2, actor="r")
    hits = library.search("ferry island passengers July")
    assert [(h.entry.group_id, h.entry.rating, h.entry.publisher) for h in hits] == [
        (gid, "true", factchecks.OWN_PUBLISHER)]
    with db.write() as session:
        verdicts.save_verdict(session, gid, VerdictDraft(rating="false", summary="s"),
                              expected_version=3, actor="t")
    assert library.search("ferry island passengers July")[0].entry.rating == "false"
    with db.write() as session:
        verdicts.set_status(session, gid, "draft", expected_version=4, actor="t")
    assert library.search("ferry island passengers July") == []


def test_same_claim_links(db, tmp_path):
    list(import_check_files(db, [_feed(tmp_path)], actor="t"))
    claim = _claim(db, "Wind farms were behind the March blackout")
    with db.write() as session:
        gid = groups.create_group(session, [claim], actor="t")
    with db.read() as session:
        fc_id = session.execute(select(FactCheck.id).where(
            FactCheck.url == REVIEWS[0][2])).scalar_one()
    with db.write() as session:
        assert factchecks.link_same_claim(session, gid, fc_id, actor="ana")
        assert not factchecks.link_same_claim(session, gid, fc_id, actor="ana")
    with db.read() as session:
        linked = factchecks.linked_fact_checks(session, gid)
    assert [e.url for e in linked] == [REVIEWS[0][2]]
    with db.write() as session:
        assert factchecks.unlink_same_claim(session, gid, fc_id, actor="ana")
    with db.read() as session:
        assert factchecks.linked_fact_checks(session, gid) == []


def test_inbox_marker_after_article_and_after_fact_check_import(db, tmp_path):
    close_claim = _claim(db, "Officials now admit wind farms caused the national blackout", 1)
    other = _claim(db, "The harbour will reopen in two weeks", 2)
    assert mark_claims(db, [(close_claim, "x")]) == 0  # empty library: nothing to find
    list(import_check_files(db, [_feed(tmp_path)], actor="t"))
    after_import(db)  # what the command and the window do after an import
    with db.read() as session:
        marked = factchecks.checked_claim_ids(session, CLOSE)
        hit = factchecks.check_hit(session, close_claim)
    assert marked == {close_claim} and other not in marked
    assert hit is not None and hit[0].startswith("c")


def test_claims_table_filter_and_marker_for_already_checked(db, tmp_path):
    from storage.queries import ClaimFilter, claim_page, count_claims

    close_claim = _claim(db, "Officials now admit wind farms caused the national blackout", 1)
    other = _claim(db, "The harbour will reopen in two weeks", 2)
    list(import_check_files(db, [_feed(tmp_path)], actor="t"))
    after_import(db)
    with db.read() as session:
        rows = claim_page(session, ClaimFilter())
        only = claim_page(session, ClaimFilter(checked_only=True))
        assert count_claims(session, ClaimFilter(checked_only=True)) == 1
    assert {r.id: r.already_checked for r in rows} == {close_claim: True, other: False}
    assert [r.id for r in only] == [close_claim]
