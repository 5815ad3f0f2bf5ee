"""The Inbox's "already checked" markers follow our own verdicts: approved or published, a
verdict marks the Inbox claims close to it; sent back to draft, its marks go (both engines)."""

from __future__ import annotations

from sqlalchemy import select

from matching.checked import CLOSE, after_verdict_change, library_for
from storage import factchecks, groups, verdicts
from storage.articles import NewArticle, NewClaim, add_article
from storage.models import Claim
from storage.verdicts import VerdictDraft

RATED = "The ferry to the island carried 40,000 passengers in July"
INBOX = "Officials say the island ferry carried 40,000 passengers in July"
UNRELATED = "The harbour crane was repainted in a bright shade of green"


def _claim(db, text: str, n: int) -> int:
    with db.write() as session:
        aid = add_article(session, NewArticle(outlet=f"Outlet {n}", text=text,
                                              content_hash=f"m{n}"),
                          [NewClaim(sentence=text, start=0, end=len(text))], actor="t")
    with db.read() as session:
        return session.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()


def _rated_group(db) -> int:
    claim = _claim(db, RATED, 0)
    with db.write() as session:
        gid = groups.create_group(session, [claim], actor="t")
        verdicts.save_verdict(session, gid, VerdictDraft(rating="true", summary="s"),
                              expected_version=None, actor="t")
    return gid


def _marks(db) -> tuple[set[int], dict[int, str]]:
    with db.read() as session:
        marked = factchecks.checked_claim_ids(session, CLOSE)
        hits = {cid: hit[0] for cid in marked if (hit := factchecks.check_hit(session, cid))}
    return marked, hits


def test_approving_and_publishing_marks_the_inbox_and_draft_unmarks(db):
    gid = _rated_group(db)
    inbox, other = _claim(db, INBOX, 1), _claim(db, UNRELATED, 2)
    library_for(db).refresh()
    assert after_verdict_change(db, gid) == 0  # a draft is not in the library: nothing to do
    assert _marks(db)[0] == set()

    with db.write() as session:
        verdicts.set_status(session, gid, "in_review", expected_version=1, actor="t")
        verdicts.set_status(session, gid, "approved", expected_version=2, actor="r")
    assert after_verdict_change(db, gid) >= 1
    marked, hits = _marks(db)
    assert inbox in marked and other not in marked
    assert hits[inbox] == f"v{gid}"

    with db.write() as session:  # published: still ours, still marked
        verdicts.save_verdict(session, gid, VerdictDraft(
            rating="true", summary="s", rationale="r", evidence=[verdicts.EvidenceItem(
                title="Port statistics", url="https://port.example/stats")]),
            expected_version=3, actor="t")
        verdicts.set_status(session, gid, "published", expected_version=4, actor="r")
    after_verdict_change(db, gid)
    assert _marks(db)[1].get(inbox) == f"v{gid}"

    with db.write() as session:
        version = verdicts.verdict_for_group(session, gid).version
        verdicts.set_status(session, gid, "draft", expected_version=version, actor="t",
                            reason="The port corrected its figures.")
    assert after_verdict_change(db, gid) >= 1  # the claim it marked is looked up again
    marked, _ = _marks(db)
    assert inbox not in marked
    with db.read() as session:
        assert factchecks.check_hit(session, inbox) is None  # nothing else in the library


def test_claimdesk_verdict_status_updates_the_markers(tmp_path, capsys):
    from cli.main import main
    from storage.schema import open_database

    path = tmp_path / "desk.sqlite"
    db = open_database(path)
    try:
        gid = _rated_group(db)
        inbox = _claim(db, INBOX, 1)
    finally:
        db.dispose()
    for status in ("review", "approved"):  # a laptop: two-person review is off
        assert main(["verdict", "--db", str(path), str(gid), "--status", status]) == 0
    capsys.readouterr()
    db = open_database(path, daily_backup=False)
    try:
        assert _marks(db)[1].get(inbox) == f"v{gid}"
    finally:
        db.dispose()
