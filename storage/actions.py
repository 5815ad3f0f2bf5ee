"""The reviewer's actions as one write transaction each, returning plain values.

Each wraps a unit of work of ``storage.claims``, ``storage.groups`` or ``storage.verdicts`` (which
write the audit entries) in ``Database.write()``: the window calls these from its workers and
never holds a session itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from storage import articles, claims, factchecks, groups, verdicts
from storage import settings as desk
from storage.articles import ArticleEdit, NewClaim
from storage.database import Database, session_in_chunk
from storage.groups import MergeRecord
from storage.models import Claim
from storage.verdicts import VerdictDraft

Statuses = dict[int, str]


# -- claims -----------------------------------------------------------------------------------
def write_statuses(db: Database, targets: Mapping[int, str], *, actor: str) -> tuple[Statuses, Statuses]:
    """Give each claim its target status in one transaction; returns (before, after).

    Claims already in their target status, or deleted meanwhile, are left out of both.
    """
    with db.write() as session:
        current: dict[int, str] = {}
        wanted, size = sorted(targets), session_in_chunk(session)
        for start in range(0, len(wanted), size):  # IN lists under the engine's limit
            current.update(session.execute(select(Claim.id, Claim.status).where(
                Claim.id.in_(wanted[start:start + size]))).all())
        by_status: dict[str, list[int]] = defaultdict(list)
        for claim_id, status in targets.items():
            if claim_id in current and current[claim_id] != status:
                by_status[status].append(claim_id)
        for status, ids in by_status.items():
            claims.set_status(session, ids, status, actor=actor)
    after = {cid: status for status, ids in by_status.items() for cid in ids}
    before = {cid: current[cid] for cid in after}
    return before, after


def write_fields(db: Database, claim_id: int, changes: Mapping[str, Any], *, actor: str,
                 expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Give a claim new field values in one transaction; returns the values they replaced.

    ``expected`` are the values the person saw; if another window changed one meanwhile,
    nothing is written (``storage.claims.ClaimChanged``).
    """
    with db.write() as session:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise LookupError(f"claim {claim_id} does not exist")
        before = {key: getattr(claim, key) for key in changes}
        changed = {key: value for key, value in changes.items() if before[key] != value}
        if changed:
            claims.edit(session, claim_id, changed, actor=actor,
                        expected=dict(expected) if expected is not None else None)
        return {key: before[key] for key in changed}


def add_manual_claim(db: Database, article_id: int, claim: NewClaim, *, actor: str) -> int:
    """Store a claim a person made from selected text (accepted at once); its id."""
    with db.write() as session:
        return claims.add_manual(session, article_id, claim, actor=actor)


# -- claim groups -----------------------------------------------------------------------------
def confirm_member(db: Database, group_id: int, claim_id: int, *, actor: str) -> str:
    """Confirm a claim's membership; returns the decision it had before."""
    with db.write() as session:
        return groups.confirm_member(session, group_id, claim_id, actor=actor)


def restore_decision(db: Database, group_id: int, claim_id: int, decision: str, *,
                     actor: str) -> None:
    with db.write() as session:
        groups.restore_decision(session, group_id, claim_id, decision, actor=actor)


def reject_member(db: Database, group_id: int, claim_id: int, *, actor: str) -> int:
    """"Not the same": the claim leaves the group; returns its new group."""
    with db.write() as session:
        return groups.reject_member(session, group_id, claim_id, actor=actor)


def split_claim(db: Database, group_id: int, claim_id: int, *, actor: str) -> int:
    """"Split out": the claim gets a group of its own; returns it."""
    with db.write() as session:
        return groups.split_claim(session, group_id, claim_id, actor=actor)


def move_claim(db: Database, from_group: int, claim_id: int, to_group: int, *,
               actor: str) -> None:
    with db.write() as session:
        groups.move_claim(session, from_group, claim_id, to_group, actor=actor)


def merge_groups(db: Database, target_id: int, source_id: int, *, actor: str) -> MergeRecord:
    """Merge ``source_id`` into ``target_id``; the record that undoing it needs."""
    with db.write() as session:
        return groups.merge_groups(session, target_id, source_id, actor=actor)


def undo_merge(db: Database, record: MergeRecord, *, actor: str) -> int:
    """Bring a merged-in group back (under a new id, returned)."""
    with db.write() as session:
        return groups.undo_merge(session, record, actor=actor)


# -- verdicts ---------------------------------------------------------------------------------
def save_verdict(db: Database, group_id: int, draft: VerdictDraft, *,
                 expected_version: int | None, actor: str, reason: str | None = None) -> int:
    """Save a claim group's verdict; its new version (``VerdictConflict`` if it moved on;
    ``reason``: why a published verdict is corrected)."""
    with db.write() as session:
        return verdicts.save_verdict(session, group_id, draft, expected_version=expected_version,
                                     actor=actor, reason=reason)


def set_verdict_status(db: Database, group_id: int, status: str, *, expected_version: int,
                       actor: str, reason: str | None = None,
                       notes: list[str] | None = None) -> int:
    """Move a verdict along the workflow; its new version (the editorial rules may add
    ``notes`` for the reviewer)."""
    with db.write() as session:
        return verdicts.set_status(session, group_id, status, expected_version=expected_version,
                                   actor=actor, reason=reason, notes=notes)


# -- the fact-check library -------------------------------------------------------------------
def link_same_claim(db: Database, group_id: int, fact_check_id: int, *, actor: str) -> bool:
    """Link a published fact-check to a claim group as the same claim."""
    with db.write() as session:
        return factchecks.link_same_claim(session, group_id, fact_check_id, actor=actor)


def unlink_same_claim(db: Database, group_id: int, fact_check_id: int, *, actor: str) -> bool:
    """Take back a "same claim" link (Unlink, or the undo of Same claim)."""
    with db.write() as session:
        return factchecks.unlink_same_claim(session, group_id, fact_check_id, actor=actor)


def add_to_verdict_evidence(db: Database, group_id: int, entry: factchecks.LibraryEntry, *,
                            actor: str) -> bool:
    """A published fact-check added to the group's verdict evidence, saved (Already checked
    in the claim detail, where no verdict editor is open)."""
    with db.write() as session:
        return factchecks.add_to_verdict_evidence(session, group_id, entry, actor=actor)


# -- articles and the desk's settings ---------------------------------------------------------
def edit_article(db: Database, article_id: int, changes: dict[str, Any], *,
                 actor: str) -> ArticleEdit:
    """Change an article's title, outlet, author, date or address; the edit, for its undo."""
    with db.write() as session:
        return articles.edit_article(session, article_id, changes, actor=actor)


def undo_article_edit(db: Database, edit: ArticleEdit, *, actor: str) -> None:
    with db.write() as session:
        articles.undo_article_edit(session, edit, actor=actor)


def save_desk_settings(db: Database, values: dict[str, str], *, team: bool, actor: str) -> None:
    """Store Preferences → Organisation (one audit entry per setting); two-person review is
    left unset while it is still the default for this kind of database."""
    values = dict(values)
    with db.write() as session:
        if values.get(desk.TWO_PERSON_REVIEW) == ("on" if team else "off") and \
                desk.get_setting(session, desk.TWO_PERSON_REVIEW) is None:
            del values[desk.TWO_PERSON_REVIEW]  # still the default: leave it so
        for key, value in values.items():
            desk.set_setting(session, key, value, actor=actor)
