"""Copy in (storage/copy.py) brings the fact-check library, "same claim" links, published
verdict versions and the desk's settings, by content, once; hostile rows are skipped and named."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import func, select

from ingest.document import content_hash
from ingest.factcheck_import import import_check_files
from storage import factchecks, groups, verdicts
from storage import settings as desk
from storage.articles import NewArticle, NewClaim, add_article
from storage.copy import copy_database
from storage.factcheck_models import FactCheck, FactCheckLink
from storage.models import Claim, Setting, VerdictVersion
from storage.publication import history
from storage.schema import open_location
from storage.verdicts import EvidenceItem, VerdictDraft

TEXT = "The ferry to the island carried 40,000 passengers in July"
REVIEWS = [("Wind farms caused the national blackout in March", "False",
            "https://a.example/wind"),
           ("The bread price tripled since last summer", "Mostly True",
            "https://a.example/bread")]


@pytest.fixture(params=[("sqlite", "sqlite"), ("sqlite", "postgresql")],
                ids=["laptop-to-laptop", "laptop-to-server"])
def pair(request, tmp_path):
    made = []
    for n, engine in enumerate(request.param):
        made.append(str(tmp_path / f"laptop{n}.sqlite") if engine == "sqlite"
                    else request.getfixturevalue("pg_cluster").create_database("records"))
    dbs = [open_location(loc) for loc in made]
    yield dbs
    for db in dbs:
        db.dispose()
    for loc in made:
        if "://" in loc:
            request.getfixturevalue("pg_cluster").drop_database(loc)


def _fill(db, tmp_path) -> int:
    """A library of two reviews, a published verdict corrected once, a link, settings."""
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([
        {"@type": "ClaimReview", "claimReviewed": claim, "url": url,
         "author": {"name": "Sample Checkers"}, "datePublished": "2025-05-01",
         "reviewRating": {"alternateName": rating}} for claim, rating, url in REVIEWS]),
        encoding="utf-8")
    list(import_check_files(db, [feed], actor="ana"))
    with db.write() as s:
        aid = add_article(s, NewArticle(outlet="Sample: Ledger", text=TEXT,
                                        content_hash=content_hash(TEXT)),
                          [NewClaim(sentence=TEXT, start=0, end=len(TEXT))], actor="ana")
        cid = s.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()
        gid = groups.create_group(s, [cid], actor="ana")
        draft = VerdictDraft(rating="true", summary="About 40,000.", rationale="Port data.",
                             evidence=[EvidenceItem(title="Port statistics",
                                                    url="https://port.example/july")])
        verdicts.save_verdict(s, gid, draft, expected_version=None, actor="ana")
        for n, status in enumerate(("in_review", "approved", "published"), start=1):
            verdicts.set_status(s, gid, status, expected_version=n, actor="bo")
        verdicts.save_verdict(s, gid, VerdictDraft(
            rating="mostly_true", summary="About 38,000.", rationale="Port data, revised.",
            evidence=draft.evidence), expected_version=4, actor="ana",
            reason="The port revised July.")
        fc = s.execute(select(FactCheck.id).where(FactCheck.url == REVIEWS[0][2])).scalar_one()
        factchecks.link_same_claim(s, gid, fc, actor="ana")
        desk.set_setting(s, desk.ORGANISATION, "Kyiv Fact Desk", actor="ana")
        desk.set_setting(s, desk.TWO_PERSON_REVIEW, "off", actor="ana")
    return gid


def _state(db) -> dict[str, object]:
    with db.read() as s:
        gid = s.execute(select(func.min(VerdictVersion.group_id))).scalar_one()
        return {
            "checks": sorted(s.execute(select(FactCheck.url, FactCheck.rating)).all()),
            "links": [(e.url) for e in factchecks.linked_fact_checks(s, gid)] if gid else [],
            "versions": [(v.number, v.reason, v.snapshot.get("rating"))
                         for v in history(s, gid)] if gid else [],
            "settings": desk.all_settings(s),
        }


def test_library_links_versions_and_settings_are_copied_once(pair, tmp_path):
    src, dest = pair
    _fill(src, tmp_path)
    report = copy_database(src, dest, actor="cy", hash_text=content_hash)
    r = report.records
    assert (r.fact_checks, r.links, r.versions, r.settings) == (2, 1, 2, 1)
    state = _state(dest)
    assert state["checks"] == [(REVIEWS[1][2], "mostly_true"), (REVIEWS[0][2], "false")]
    assert state["links"] == [REVIEWS[0][2]]
    assert state["versions"] == [(1, None, "true"), (2, "The port revised July.", "mostly_true")]
    # Who publishes travels; two-person review is the destination's own policy.
    assert state["settings"] == {desk.ORGANISATION: "Kyiv Fact Desk"}
    assert any("2 fact-checks to the library" in line for line in report.lines())

    again = copy_database(src, dest, actor="cy", hash_text=content_hash)
    assert not again.changed and _state(dest) == state


def test_the_destinations_settings_and_history_are_never_overwritten(pair, tmp_path):
    src, dest = pair
    _fill(src, tmp_path)
    with dest.write() as s:
        desk.set_setting(s, desk.ORGANISATION, "Odesa Checks", actor="dee")
    copy_database(src, dest, actor="cy", hash_text=content_hash)
    with dest.write() as s:  # the destination's history moves on
        gid = s.execute(select(VerdictVersion.group_id)).scalars().first()
        s.execute(VerdictVersion.__table__.update().where(VerdictVersion.number == 2)
                  .values(reason="Our own wording."))
    report = copy_database(src, dest, actor="cy", hash_text=content_hash)
    assert report.records.differing_versions == [gid]
    assert any("published versions where the source's history differs" in line
               for line in report.lines())
    with dest.read() as s:
        assert desk.get_setting(s, desk.ORGANISATION) == "Odesa Checks"
        assert [v.reason for v in history(s, gid)] == [None, "Our own wording."]


def test_hostile_rows_are_skipped_and_named(tmp_path, capsys):
    from cli.main import main as cli

    source, dest = tmp_path / "theirs.sqlite", tmp_path / "mine.sqlite"
    db = open_location(str(source))
    try:
        _fill(db, tmp_path)
    finally:
        db.dispose()
    conn = sqlite3.connect(source)
    try:
        with conn:
            conn.execute("UPDATE fact_check SET url = 'javascript:alert(1)' WHERE id = 1")
            conn.execute("UPDATE fact_check SET rating = 'pants_on_fire' WHERE id = 2")
            conn.execute("UPDATE verdict_version SET snapshot = '[1, 2]' WHERE number = 2")
            conn.execute("UPDATE setting SET value = 'file:///etc/passwd' WHERE key = ?",
                         (desk.ORGANISATION,))
            conn.execute("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
                         (desk.BASE_URL, "javascript:alert(1)", "2025-01-01 00:00:00"))
    finally:
        conn.close()
    assert cli(["copy", "--from", str(source), "--to", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "fact-check 1 (url is not an http(s) address)" in out
    assert "fact-check 2 (rating is not one of" in out
    assert "same-claim link 1 (its fact-check was skipped)" in out
    assert "published verdict version 2 (snapshot is not a JSON object)" in out
    assert "published verdict version 1 (another version of its claim group was skipped)" in out
    assert "setting base_url (value is not an http(s) address)" in out
    db = open_location(str(dest))
    try:
        with db.read() as s:
            assert s.execute(select(func.count()).select_from(FactCheck)).scalar_one() == 0
            assert s.execute(select(func.count()).select_from(FactCheckLink)).scalar_one() == 0
            # The organisation is any text (a name): it travels; the bad base URL does not.
            assert {k: v for k, v in s.execute(select(Setting.key, Setting.value))} == {
                desk.ORGANISATION: "file:///etc/passwd"}
            # Half a history is no history: version 1 is not copied without version 2.
            assert s.execute(select(func.count()).select_from(VerdictVersion)).scalar_one() == 0
    finally:
        db.dispose()
