"""#17.2 and #17.3 in storage, on every engine: publication snapshots, corrections with a
reason, history that is never deleted, and the rules of the verdict workflow."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import groups, publication, settings, verdicts
from storage.articles import NewArticle, NewClaim, add_article
from storage.match_store import add_member
from storage.models import AuditEntry, Claim
from storage.verdicts import EvidenceItem, InvalidStatusChange, VerdictDraft

GOOD = VerdictDraft(rating="false", summary="No.", rationale="The map shows 79 sq mi.",
                    reviewer="Ana", evidence=[EvidenceItem(title="Map", url="https://example.org/m")])


def _claim(db, n: int, outlet: str = "Outlet") -> int:
    text = f"Claim {n}: Ukraine held 120 square miles in Kursk."
    with db.write() as s:
        aid = add_article(s, NewArticle(outlet=f"{outlet} {n}", text=text, content_hash=f"p{n}"),
                          [NewClaim(sentence=text, start=0, end=len(text))], actor="t")
        return s.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()


def _published(db, draft: VerdictDraft = GOOD) -> tuple[int, int]:
    cid = _claim(db, 1)
    with db.write() as s:
        gid = groups.create_group(s, [cid], actor="m")
        v = verdicts.save_verdict(s, gid, draft, expected_version=None, actor="ana")
        v = verdicts.set_status(s, gid, "in_review", expected_version=v, actor="ana")
        v = verdicts.set_status(s, gid, "approved", expected_version=v, actor="bo")
        v = verdicts.set_status(s, gid, "published", expected_version=v, actor="ana")
    return gid, v


def test_publishing_takes_a_snapshot_that_later_changes_do_not_touch(db):
    gid, _ = _published(db)
    late = _claim(db, 2, "Late")
    with db.write() as s:
        add_member(s, gid, late, 0.9, {"why": "test"})
    with db.read() as s:
        (only,) = publication.history(s, gid)
        assert only.number == 1 and only.reason is None and only.published_by == "ana"
        snap = only.snapshot
        assert snap["rating"] == "false" and snap["rationale"] == GOOD.rationale
        assert [a["outlet"] for a in snap["appearances"]] == ["Outlet 1"]
        assert snap["evidence"][0]["title"] == "Map"
        assert sorted(a["outlet"] for a in publication.group_appearances(s, gid)) == [
            "Late 2", "Outlet 1"]


def test_changing_a_published_verdict_is_a_correction_with_a_reason(db):
    gid, v = _published(db)
    with db.write() as s:  # a laptop's way (a team corrects through review, below)
        settings.set_setting(s, settings.TWO_PERSON_REVIEW, "off", actor="boss")
    changed = VerdictDraft(rating="mostly_false", summary="Mostly not.", rationale="Revised map.",
                           reviewer="Ana", evidence=GOOD.evidence)
    with pytest.raises(InvalidStatusChange, match="correction: give the reason"), \
            db.write() as s:
        verdicts.save_verdict(s, gid, changed, expected_version=v, actor="ana")
    with db.write() as s:
        verdicts.save_verdict(s, gid, changed, expected_version=v, actor="ana",
                              reason="The ministry revised its map.")
    with db.read() as s:
        first, second = publication.history(s, gid)
        assert (first.snapshot["rating"], second.snapshot["rating"]) == ("false", "mostly_false")
        assert second.reason == "The ministry revised its map." and second.is_correction
        assert verdicts.verdict_for_group(s, gid).status == "published"
        actions = s.execute(select(AuditEntry.action)).scalars().all()
        assert "verdict_corrected" in actions


def test_saving_the_same_content_again_needs_no_reason(db):
    gid, v = _published(db)
    with db.write() as s:
        verdicts.save_verdict(s, gid, GOOD, expected_version=v, actor="ana")
    with db.read() as s:
        assert len(publication.history(s, gid)) == 1


def test_republishing_after_draft_is_a_correction_and_history_survives_a_merge(db):
    gid, v = _published(db)
    with db.write() as s:
        v = verdicts.set_status(s, gid, "draft", expected_version=v, actor="ana")
        v = verdicts.set_status(s, gid, "in_review", expected_version=v, actor="ana")
        v = verdicts.set_status(s, gid, "approved", expected_version=v, actor="bo")
    with pytest.raises(InvalidStatusChange, match="published before"), db.write() as s:
        verdicts.set_status(s, gid, "published", expected_version=v, actor="ana")
    with db.write() as s:
        verdicts.set_status(s, gid, "published", expected_version=v, actor="ana",
                            reason="Checked again: same result, clearer rationale.")
    other = _claim(db, 3)
    with db.write() as s:
        target = groups.create_group(s, [other], actor="m")
        groups.merge_groups(s, target, gid, actor="ana")
    with db.read() as s:
        assert [h.number for h in publication.history(s, gid)] == [1, 2]


def test_publish_needs_a_rationale_and_evidence_said_in_a_sentence(db):
    cid = _claim(db, 1)
    with db.write() as s:
        gid = groups.create_group(s, [cid], actor="m")
        v = verdicts.save_verdict(s, gid, VerdictDraft(rating="false"), expected_version=None,
                                  actor="ana")
        v = verdicts.set_status(s, gid, "in_review", expected_version=v, actor="ana")
        v = verdicts.set_status(s, gid, "approved", expected_version=v, actor="bo")
    with pytest.raises(InvalidStatusChange) as info, db.write() as s:
        verdicts.set_status(s, gid, "published", expected_version=v, actor="ana")
    assert str(info.value) == ("This verdict cannot be published yet: it needs a rationale (why "
                               "this rating) and at least one evidence item (a source that "
                               "shows it).")


def test_approval_by_the_author_depends_on_two_person_review(db):
    cid = _claim(db, 1)
    with db.write() as s:
        gid = groups.create_group(s, [cid], actor="m")
        v = verdicts.save_verdict(s, gid, GOOD, expected_version=None, actor="ana")
        v = verdicts.set_status(s, gid, "in_review", expected_version=v, actor="ana")
        team = settings.is_team_database(s)
        assert settings.two_person_review(s) is team  # on for a server, off on a laptop
        settings.set_setting(s, settings.TWO_PERSON_REVIEW, "on", actor="boss")
    with pytest.raises(InvalidStatusChange, match="reviewer other than the author"), \
            db.write() as s:
        verdicts.set_status(s, gid, "approved", expected_version=v, actor="Ana")
    with db.write() as s:
        settings.set_setting(s, settings.TWO_PERSON_REVIEW, "off", actor="boss")
    notes: list[str] = []
    with db.write() as s:
        v = verdicts.set_status(s, gid, "approved", expected_version=v, actor="ana", notes=notes)
    assert len(notes) == 1 and "two-person review" in notes[0]
    with db.write() as s:  # the explanation is given once
        v = verdicts.set_status(s, gid, "draft", expected_version=v, actor="ana")
        v = verdicts.set_status(s, gid, "in_review", expected_version=v, actor="ana")
        verdicts.set_status(s, gid, "approved", expected_version=v, actor="ana", notes=notes)
    assert len(notes) == 1


def test_with_two_person_review_a_published_verdict_is_corrected_through_review(db):
    gid, v = _published(db)
    with db.write() as s:
        settings.set_setting(s, settings.TWO_PERSON_REVIEW, "on", actor="boss")
    with pytest.raises(InvalidStatusChange, match="send it back to draft"), db.write() as s:
        verdicts.save_verdict(s, gid, VerdictDraft(rating="true", rationale="x",
                                                   evidence=GOOD.evidence),
                              expected_version=v, actor="ana", reason="r")


def test_upgrade_gives_verdicts_published_before_it_their_first_version(db_path):
    from storage.schema import open_database

    old = open_database(db_path, upgrade_to="0002")
    with old.write_connection() as conn:
        for sql in (
            "INSERT INTO outlet (id, name, created_at) VALUES (1, 'Kyiv Ledger', '2025-01-01')",
            "INSERT INTO article (id, outlet_id, title, text, content_hash, imported_at, published)"
            " VALUES (1, 1, 'T', 'Kursk: 79 sq mi.', 'h', '2025-01-01', '2025-03-12')",
            "INSERT INTO claim (id, article_id, sentence, start, \"end\", figures, score, cues, "
            "status, origin, created_at, updated_at) VALUES (1, 1, 'Kursk: 79 sq mi.', 0, 16, "
            "'[{\"text\": \"79 sq mi\", \"value\": 79}]', 0.9, '[]', 'accepted', 'extracted', "
            "'2025-01-01', '2025-01-01')",
            "INSERT INTO claim_group (id, canonical_text, created_at, updated_at) VALUES "
            "(1, 'Kursk: 79 sq mi.', '2025-01-01', '2025-01-01')",
            "INSERT INTO claim_group_member (group_id, claim_id, decision) VALUES (1, 1, 'auto')",
            "INSERT INTO verdict (id, group_id, rating, summary, rationale, reviewer, status, "
            "version, created_at, updated_at) VALUES (1, 1, 'true', 'Yes.', 'Maps.', 'Ana', "
            "'published', 4, '2025-03-13', '2025-03-14')",
            "INSERT INTO evidence (verdict_id, position, title, url, published) VALUES "
            "(1, 0, 'ISW', 'https://example.org/isw', '2025-03-12')",
        ):
            conn.exec_driver_sql(sql)
    old.dispose()
    db = open_database(db_path)
    try:
        with db.read() as s:
            (first,) = publication.history(s, 1)
    finally:
        db.dispose()
    snap = first.snapshot
    assert (first.number, first.published_by, snap["rating"]) == (1, "Ana", "true")
    assert snap["appearances"][0]["outlet"] == "Kyiv Ledger"
    assert snap["appearances"][0]["figures"] == [{"text": "79 sq mi", "value": 79}]
    assert snap["evidence"][0]["published"] == "2025-03-12"
