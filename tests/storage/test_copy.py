"""Copying between databases: SQLite to PostgreSQL and back, and laptop to laptop by file.

Each story runs per direction. The two databases share one article (imported on both sides),
each has work of its own; copying brings the source's articles, claims, groups, decisions,
verdicts and conflicts over without a duplicate, and a second copy changes nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from cli.main import main as cli
from ingest import document_from_text
from ingest.document import content_hash
from storage import claims as claim_ops
from storage import groups, verdicts
from storage.copy import SameDatabase, copy_database
from storage.models import (
    Article,
    AuditEntry,
    Claim,
    ClaimGroup,
    ClaimGroupMember,
    Evidence,
    GroupConflict,
    Outlet,
    Verdict,
)
from storage.schema import open_location
from storage.verdicts import EvidenceItem, VerdictDraft
from tests.matching.test_incremental import ARTICLES
from workflows.importing import store_document

SHARED = ("Shared Wire", "The second Minsk agreement was signed on 12 February 2015 in Belarus "
                         "with 13 points for a ceasefire.")
DEST_ONLY = ("Dest Daily", "According to the UN, more than 6 million Ukrainians have left the "
                           "country since 2022.")

DIRECTIONS = [("sqlite", "postgresql"), ("postgresql", "sqlite"), ("sqlite", "sqlite")]


@pytest.fixture(params=DIRECTIONS, ids=["sqlite-to-postgresql", "postgresql-to-sqlite",
                                        "laptop-to-laptop"])
def pair(request, tmp_path):
    """(source, destination) databases, opened; closed (and dropped) afterwards."""
    made = []
    for n, engine in enumerate(request.param):
        if engine == "sqlite":
            made.append(str(tmp_path / f"laptop{n}.sqlite"))
        else:
            made.append(request.getfixturevalue("pg_cluster").create_database("copy"))
    dbs = [open_location(loc) for loc in made]
    yield dbs
    for db in dbs:
        db.dispose()
    for loc in made:
        if "://" in loc:
            request.getfixturevalue("pg_cluster").drop_database(loc)


def _import(db, outlet: str, text: str) -> int:
    doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
    result = store_document(db, doc, source=outlet, actor="tester")
    assert result.outcome == "imported", result.message
    return result.article_id


def _claim_of(session, title: str) -> int:
    return session.execute(select(func.min(Claim.id)).join(Article).where(Article.title == title)
                           ).scalar_one()


def _group_of(session, title: str) -> int | None:
    return groups.group_of_claim(session, _claim_of(session, title))


def _counts(db) -> dict[str, int]:
    with db.read() as s:
        return {m.__name__: s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (Outlet, Article, Claim, ClaimGroup, ClaimGroupMember, Verdict,
                          Evidence, GroupConflict, AuditEntry)}


def _fill_source(src) -> int:
    for outlet, text in (*ARTICLES, SHARED):
        _import(src, outlet, text)
    with src.read() as s:
        ledger = _group_of(s, "Kyiv Ledger")
        shared_claim = _claim_of(s, "Shared Wire")
    with src.write() as s:
        verdicts.save_verdict(s, ledger, VerdictDraft(
            rating="mostly_false", summary="0.6 percent, not more", reviewer="Ana",
            evidence=[EvidenceItem(title="ISW map", url="https://example.org/isw",
                                   published=dt.date(2025, 5, 30))]),
            expected_version=None, actor="Ana")
        claim_ops.set_status(s, [shared_claim], "accepted", actor="Ana")
    return ledger


def test_copy_brings_everything_over_once_and_a_second_copy_changes_nothing(pair):
    src, dest = pair
    _fill_source(src)
    for outlet, text in (SHARED, DEST_ONLY):
        _import(dest, outlet, text)

    report = copy_database(src, dest, actor="Bo", hash_text=content_hash)
    # Three groups in the source; the Minsk one is the destination's group of the shared
    # article already, so it gains the other claim instead of being made twice.
    assert (report.articles, report.groups, report.verdicts) == (4, 2, 1)
    assert report.statuses == 1 and report.conflicts == 1 and report.differing_verdicts == []
    with dest.read() as s:
        hashes = s.execute(select(Article.content_hash)).scalars().all()
        assert len(hashes) == len(set(hashes)) == 6  # the shared article is there once
        ledger, wire = _group_of(s, "Kyiv Ledger"), _group_of(s, "Baltic Wire")
        harbour = _group_of(s, "Harbour Review")
        assert ledger is not None and ledger == wire and harbour not in (None, ledger)
        assert _group_of(s, "Prairie Sentinel") == _group_of(s, "Shared Wire") is not None
        verdict = verdicts.verdict_for_group(s, ledger)
        assert (verdict.rating, verdict.reviewer, verdict.summary) == (
            "mostly_false", "Ana", "0.6 percent, not more")
        evidence = verdicts.evidence_for(s, verdict.id)
        assert [(e.title, e.published) for e in evidence] == [("ISW map", dt.date(2025, 5, 30))]
        assert {(c.group_a, c.group_b) for c in s.execute(select(GroupConflict)).scalars()} == {
            tuple(sorted((ledger, harbour)))}
        assert s.get(Claim, _claim_of(s, "Shared Wire")).status == "accepted"
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "copied_in")
                          ).scalar_one()
        assert entry.actor == "Bo" and entry.after["from"] == src.location

    before = _counts(dest)
    again = copy_database(src, dest, actor="Bo", hash_text=content_hash)
    assert not again.changed
    assert _counts(dest) == before

    # And back: the source gains the destination's own article, nothing else is doubled.
    src_before = _counts(src)
    back = copy_database(dest, src, actor="Ana", hash_text=content_hash)
    assert back.articles == 1 and back.verdicts == 0 and back.differing_verdicts == []
    after = _counts(src)
    assert after["Article"] == src_before["Article"] + 1
    assert after["Verdict"] == src_before["Verdict"] and after["Evidence"] == src_before["Evidence"]
    assert not copy_database(dest, src, actor="Ana", hash_text=content_hash).changed
    assert not copy_database(src, dest, actor="Bo", hash_text=content_hash).changed


def test_a_verdict_that_differs_is_kept_and_reported_never_overwritten(pair):
    src, dest = pair
    _fill_source(src)
    copy_database(src, dest, actor="Bo", hash_text=content_hash)
    with dest.read() as s:
        ledger = _group_of(s, "Kyiv Ledger")
        version = verdicts.verdict_for_group(s, ledger).version
    with dest.write() as s:
        verdicts.save_verdict(s, ledger, VerdictDraft(rating="false", summary="Bo's take",
                                                      reviewer="Bo"),
                              expected_version=version, actor="Bo")
    report = copy_database(src, dest, actor="Bo", hash_text=content_hash)
    assert report.differing_verdicts == [ledger] and not report.changed
    with dest.read() as s:
        assert verdicts.verdict_for_group(s, ledger).summary == "Bo's take"


def test_a_database_is_not_copied_into_itself(pair):
    src, _dest = pair
    with pytest.raises(SameDatabase):
        copy_database(src, src, actor="Ana", hash_text=content_hash)


def test_the_copy_command_copies_matches_and_is_idempotent(pair, capsys):
    src, dest = pair
    for outlet, text in ARTICLES[:2]:
        doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
        store_document(src, doc, source=outlet, actor="tester", match=False)  # never grouped
    source, target = src.location, dest.location
    src.dispose()
    dest.dispose()
    assert cli(["copy", "--from", source, "--to", target]) == 0
    out = capsys.readouterr().out
    assert "added: 2 articles" in out and "new claim groups: 1" in out
    assert cli(["copy", "--from", source, "--to", target]) == 0
    assert "nothing was changed" in capsys.readouterr().out
    with dest.read() as s:  # the copied claims were matched in the destination
        assert _group_of(s, "Kyiv Ledger") == _group_of(s, "Baltic Wire") is not None
        assert s.execute(select(func.count()).select_from(Article)).scalar_one() == 2


def test_text_a_server_cannot_store_is_named_and_nothing_is_copied(tmp_path, request):
    from sqlalchemy import update

    from storage.copy import UnstorableText

    source = open_location(str(tmp_path / "laptop.sqlite"))
    server_url = request.getfixturevalue("pg_cluster").create_database("copy")
    dest = open_location(server_url)
    try:
        _import(source, *SHARED)
        with source.write() as s:  # what an older import or a hand edit could have stored
            s.execute(update(Article).values(title="Shared\x00Wire"))
        before = _counts(dest)
        with pytest.raises(UnstorableText, match="NUL character.*Shared"):
            copy_database(source, dest, actor="tester", hash_text=content_hash)
        assert _counts(dest) == before
    finally:
        source.dispose()
        dest.dispose()
        request.getfixturevalue("pg_cluster").drop_database(server_url)
