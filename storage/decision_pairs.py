"""A person's match decisions as labelled claim pairs (plain values): what "learn from my
decisions" fits the pair model on.

Confirm and Merge leave a member *confirmed*: that claim is the same claim as every other
claim of its group. Not the same, Split and Move leave a *rejected* row behind: that claim is
not the claim of the group it was taken out of. Each decision becomes pairs with the group's
current members (at most PARTNERS_PER_DECISION of them, the lowest ids first, so a merge of a
large group does not drown the rest).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from storage import match_store
from storage.match_store import ClaimForMatching
from storage.models import ClaimGroupMember, MemberDecision

PARTNERS_PER_DECISION = 20


@dataclass(frozen=True)
class DecisionPairs:
    """Labelled pairs from a database's decisions, with what is needed to compare them."""

    pairs: tuple[tuple[int, int, bool], ...]  # (claim, claim, same claim?) smaller id first
    same_decisions: int  # confirmed members that have a group to be the same as
    different_decisions: int  # rejected memberships of groups that still exist
    claims: tuple[ClaimForMatching, ...] = ()  # every claim of a pair, by id
    token_claims: dict[str, int] = field(default_factory=dict)  # word -> claims holding it
    matchable_claims: int = 0  # claims with a signature (the word weights' N)

    @property
    def decisions(self) -> int:
        return self.same_decisions + self.different_decisions


def decision_pairs(session: Session) -> DecisionPairs:
    """The labelled pairs of every person decision stored in the database."""
    rows = session.execute(
        select(ClaimGroupMember.group_id, ClaimGroupMember.claim_id, ClaimGroupMember.decision)
        .order_by(ClaimGroupMember.group_id, ClaimGroupMember.claim_id)
    ).all()
    active: dict[int, list[int]] = {}
    confirmed: list[tuple[int, int]] = []
    rejected: list[tuple[int, int]] = []
    for group_id, claim_id, decision in rows:
        if decision == MemberDecision.REJECTED:
            rejected.append((group_id, claim_id))
            continue
        active.setdefault(group_id, []).append(claim_id)
        if decision == MemberDecision.CONFIRMED:
            confirmed.append((group_id, claim_id))
    labels: dict[tuple[int, int], bool] = {}
    clashing: set[tuple[int, int]] = set()
    same_decisions = different_decisions = 0

    def label(a: int, b: int, same: bool) -> None:
        key = (min(a, b), max(a, b))
        if labels.get(key, same) != same:
            clashing.add(key)  # decided both ways over time: no label
        labels[key] = same

    for group_id, claim_id in confirmed:
        partners = [c for c in active[group_id] if c != claim_id][:PARTNERS_PER_DECISION]
        same_decisions += bool(partners)
        for other in partners:
            label(claim_id, other, True)
    for group_id, claim_id in rejected:
        partners = [c for c in active.get(group_id, ()) if c != claim_id][:PARTNERS_PER_DECISION]
        different_decisions += bool(partners)
        for other in partners:
            label(claim_id, other, False)
    pairs = tuple(sorted((a, b, same) for (a, b), same in labels.items()
                         if (a, b) not in clashing))
    ids = {c for a, b, _s in pairs for c in (a, b)}
    claims = tuple(match_store.claims_by_id(session, ids))
    tokens = _tokens(c.tokens for c in claims)
    return DecisionPairs(pairs, same_decisions, different_decisions, claims,
                         match_store.token_frequencies(session, tokens),
                         match_store.matchable_claim_count(session))


def _tokens(stored: Iterable[str | None]) -> set[str]:
    return {t for text in stored if text for t in text.split()}
