"""Claims a killed import left without a signature or a group are matched by the next
import (or ``pick_up_unmatched``: a window start, a CLI command)."""

from __future__ import annotations

from sqlalchemy import select

from ingest import document_from_text
from matching import leftovers
from matching.leftovers import pick_up_unmatched, unmatched_claim_ids
from storage.models import Article, Claim, ClaimGroupMember, ClaimSignature
from workflows.importing import store_document

LEDGER = ("Kyiv Ledger", "Over the past year Russia took only 0.6% more of Ukraine's territory, "
                         "according to the Institute for the Study of War.")
WIRE = ("Baltic Wire", "Russian forces seized just 0.6 percent more of Ukrainian land over the "
                       "past year, ISW analysts say.")


def _import(db, outlet: str, text: str, *, match: bool = True):
    doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-06-01")
    return store_document(db, doc, source=outlet, actor="tester", match=match)


def _claims_of(session, title: str) -> list[int]:
    return list(session.execute(
        select(Claim.id).join(Article, Article.id == Claim.article_id).where(Article.title == title)
    ).scalars())


def _active_group(session, claim_id: int) -> int | None:
    return session.execute(
        select(ClaimGroupMember.group_id).where(ClaimGroupMember.claim_id == claim_id,
                                                ClaimGroupMember.decision != "rejected")
    ).scalar_one_or_none()


def _new_process(db) -> None:
    """What a restart after a kill forgets: which databases were looked at."""
    leftovers.look_again(db)


def test_the_next_import_matches_the_claims_a_killed_import_left(db):
    # A kill between storing and matching: the claims are stored, unsigned and ungrouped.
    _import(db, *LEDGER, match=False)
    with db.read() as session:
        left = _claims_of(session, "Kyiv Ledger")
        assert left
        assert session.execute(select(ClaimSignature.claim_id)
                               .where(ClaimSignature.claim_id.in_(left))).first() is None
    assert unmatched_claim_ids(db) == sorted(left)
    _new_process(db)
    result = _import(db, *WIRE)
    assert "left unmatched earlier matched too" in result.message
    with db.read() as session:
        ledger_groups = {_active_group(session, c) for c in left}
        wire_groups = {_active_group(session, c) for c in _claims_of(session, "Baltic Wire")}
        signed = set(session.execute(select(ClaimSignature.claim_id)
                                     .where(ClaimSignature.claim_id.in_(left))).scalars())
    assert None not in ledger_groups and signed == set(left)
    assert ledger_groups & wire_groups  # the same claim, grouped across the two imports
    assert unmatched_claim_ids(db) == []


def test_picking_up_matches_leftovers_once_and_then_finds_nothing(db):
    _import(db, *LEDGER, match=False)
    _import(db, *WIRE, match=False)
    report = pick_up_unmatched(db, actor="window")
    assert report.signed >= 2 and report.new_groups
    assert unmatched_claim_ids(db) == []
    again = pick_up_unmatched(db, actor="window")
    assert again.signed == 0 and not again.new_groups and not again.joined


def test_a_rejected_claim_is_not_a_leftover(db):
    from storage.models import ClaimStatus

    _import(db, *LEDGER, match=False)
    with db.write() as session:
        for claim in session.execute(select(Claim)).scalars():
            claim.status = ClaimStatus.REJECTED
    assert unmatched_claim_ids(db) == []
