"""An import's claims placed in claim groups (matching.incremental's claim-by-claim path), with
few SQL round trips: every pair the run decides is scored first (a pair's result does not
depend on the groups), the members of every stored group those scores meet are read in two
queries, each claim then joins its best group or starts one, in order; the new groups,
memberships and conflicts are written in a few statements at the end.

The decisions are the ones of placing each claim and writing it at once: a group started by
the run is numbered above every stored group in the order it is started, as the database
numbers it, and the members a check reads include the claims the run placed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from matching.decide import RULES, score_unless_apart
from matching.decide import score as decide_score
from matching.frames import Frame
from matching.group_periods import periods_apart_frames
from matching.guard_sample import distinct, restates
from matching.join_guards import (
    GUARD_READ,
    MEMBER_CHECK_CAP,
    agrees_with_group,
    conflicts_with_group,
    member_frames,
)
from matching.pairs import Relation, Thresholds
from matching.signature import ClaimSig
from matching.stored_sig import sig_of_row, word_idf
from storage import join_reads
from storage import match_store as store
from storage.groups import NewGroup, create_groups

# Ids of the groups a run starts until they are written: above any stored group's id.
_RUN_GROUP_BASE = 1 << 62


class WordWeights:
    """Word frequencies of the store, fetched once per word for the whole run."""

    def __init__(self, session: Session, n: int) -> None:
        self.session, self.n = session, n
        self.frequencies: dict[str, int] = {}
        self.default = word_idf(1, n)

    def fetch(self, tokens: Iterable[str]) -> None:
        missing = {t for t in tokens if t not in self.frequencies}
        if missing:
            found = store.token_frequencies(self.session, missing)
            self.frequencies.update({t: found.get(t, 1) for t in missing})

    def idf(self, token: str) -> float:
        return word_idf(self.frequencies.get(token, 1), self.n)


@dataclass
class Placed:
    """What a run decided, with the database's group ids."""

    joined: list[tuple[int, int]] = field(default_factory=list)  # (claim, group)
    new_groups: list[int] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)


class Cancelled(Exception):
    """Raised inside the write transaction so a cancelled run rolls back completely."""


def place_claims(
    session: Session,
    pending: Sequence[store.ClaimForMatching],
    sigs: Sequence[ClaimSig],
    candidate_ids: Sequence[list[int]],
    stored: dict[int, list[store.ClaimForMatching]],
    words: WordWeights,
    *,
    thresholds: Thresholds,
    model: object,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Placed:
    """Give each pending claim (in order) the best group that takes it or a new one; record
    the conflicts its scores found. ``candidate_ids``: the stored claims each is compared
    with; ``stored``: their rows by id."""
    rejected = store.rejected_pairs(session, (p.id for p in pending))
    # A claim of the import met as another's candidate is read through its own signature
    # (the same row: its frames and parts are not worked out a second time).
    stored_sigs: dict[int, ClaimSig] = {row.id: sig for row, sig in zip(pending, sigs, strict=True)}

    def sig_of(row: store.ClaimForMatching) -> ClaimSig:
        found = stored_sigs.get(row.id)
        if found is None:
            found = stored_sigs[row.id] = sig_of_row(row)
        return found

    # The decision's first rules read before its features (decide.score_unless_apart).
    decide = score_unless_apart if model != RULES else decide_score
    turn = {row.id: k for k, row in enumerate(pending)}
    scored: list[tuple[dict[str, float], list[tuple[store.ClaimForMatching, object]]]] = []
    for k, (sig, ids) in enumerate(zip(sigs, candidate_ids, strict=True)):
        if cancelled is not None and cancelled():
            raise Cancelled
        others = [o for cid in sorted(set(ids)) for o in stored.get(cid, ())]
        idf = {t: words.idf(t) for t in sig.token_set}
        idf.update({t: words.idf(t) for o in others for t in (o.tokens or "").split()})
        results = []
        for other in others:
            if other.group_id is None and turn.get(other.id, k) >= k:
                continue  # an ungrouped claim meets this one when its own turn comes
            res = decide(sig, sig_of(other), idf=idf, default_idf=words.default,
                         thresholds=thresholds, model=model)
            if res is not None:  # None: ruled apart (only "same" and "conflict" count)
                results.append((other, res))
        scored.append((idf, results))

    # The stored groups a claim may join, their first members (one per sentence) and newest
    # figures read at once.
    met = {o.group_id for _idf, results in scored for o, res in results
           if o.group_id is not None and res.relation is Relation.SAME}
    first_rows = join_reads.group_members_many(session, met, limit=GUARD_READ,
                                               one_per_sentence=True)
    figure_rows = join_reads.member_figures_many(session, met, limit=MEMBER_CHECK_CAP)
    words.fetch(t for rows in first_rows.values() for o in rows for t in (o.tokens or "").split())
    guard_members: dict[int, list[ClaimSig]] = {}  # the guard's sample of groups met
    several: set[int] = set()  # groups met that hold more than one claim
    group_frames: dict[int, list[tuple[Frame, ...]]] = {}  # members' frames, worked out once
    placed_rows: dict[int, list[join_reads.MemberFigures]] = {}  # members this run placed
    new_groups: list[NewGroup] = []
    joins: list[tuple[int, int, float, dict]] = []  # into stored groups
    group_of: dict[int, int] = {}
    conflict_links: list[tuple[int, ClaimSig, ClaimSig, int, dict]] = []
    joined: list[tuple[int, int]] = []

    def members_now(group: int) -> list[join_reads.MemberFigures]:
        """member_figures_many's rows of the group as if the run's placements were written."""
        rows = figure_rows.get(group)
        if rows is None and group < _RUN_GROUP_BASE:
            rows = join_reads.member_figures_many(session, [group], limit=MEMBER_CHECK_CAP)[group]
        return sorted([*(rows or ()), *placed_rows.get(group, ())],
                      key=lambda r: -r.claim_id)[:MEMBER_CHECK_CAP]

    def agrees(group: int, sig: ClaimSig, idf: dict[str, float]) -> bool:
        members = guard_members.get(group)
        if members is None:
            rows = first_rows.get(group)
            if rows is None:
                rows = join_reads.group_members_many(session, [group], limit=GUARD_READ,
                                                     one_per_sentence=True)[group]
            # As matching.grouping samples a group (signatures worked out until it is full).
            members = guard_members[group] = distinct((sig_of(o) for o in rows), restates)
            if len(members_now(group)) > 1:
                several.add(group)
            words.fetch(t for m in members for t in m.token_set)  # (known: no query)
        idf.update({t: words.idf(t) for m in members for t in m.token_set})
        return agrees_with_group(sig, members, lambda x, y: decide_score(
            x, y, idf=idf, default_idf=words.default, thresholds=thresholds, model=model,
            explain=False), single=group not in several)

    for count, (row, sig, (idf, results)) in enumerate(zip(pending, sigs, scored, strict=True)):
        # The best "same claim" match in each group this claim meets.
        matches: dict[int, tuple[float, dict]] = {}
        for other, res in results:
            group = other.group_id or group_of[other.id]
            if res.relation is Relation.CONFLICT:
                conflict_links.append((row.id, sig, sig_of(other), group, res.explanation))
            elif (res.relation is Relation.SAME and (row.id, group) not in rejected
                  and (group not in matches or res.score > matches[group][0])):
                matches[group] = (res.score, res.explanation | {"matched_claim": other.id})
        # The best group that takes it, as matching.grouping joins: no clashing figure in the
        # group (complete link) and, on average, as likely the same claim as its first
        # members (average link), so one match cannot chain two claims together.
        chosen = next((
            (group, found) for group, found in sorted(
                matches.items(), key=lambda kv: (-kv[1][0], kv[0]))
            if not conflicts_with_group(sig, group, group_frames, members_now)
            and agrees(group, sig, idf)), None)
        if chosen is not None:
            group, (best_score, explanation) = chosen
            if group >= _RUN_GROUP_BASE:
                new = new_groups[group - _RUN_GROUP_BASE]
                new.claim_ids.append(row.id)
                new.scores[row.id], new.explanations[row.id] = best_score, explanation
            else:
                joins.append((group, row.id, best_score, explanation))
            if sig.frames:
                group_frames[group].append(sig.frames)
            guard_members[group] = distinct([*guard_members[group], sig], restates)
            several.add(group)
            joined.append((row.id, group))
        else:
            group = _RUN_GROUP_BASE + len(new_groups)
            new_groups.append(NewGroup([row.id], scores={}, explanations={}))
            guard_members[group] = [sig]
        group_of[row.id] = group
        placed_rows.setdefault(group, []).append(
            join_reads.MemberFigures(row.id, row.sentence, row.figures, row.published))
        if progress is not None and count % 200 == 0:
            progress(f"matched {count} of {len(pending)} claims")

    # A conflict between two groups is one of one period once each claim takes its group's
    # (matching.group_periods), read from every member as grouping reads it (the newest
    # MEMBER_CHECK_CAP of a larger group: the frames the complete link reads, worked out once
    # per distinct member; those of the groups not met yet read at once).
    links = [(group_of[claim_id], mine, theirs, other, explanation)
             for claim_id, mine, theirs, other, explanation in conflict_links
             if group_of[claim_id] != other]
    unread = {g for group, _a, _b, other, _e in links for g in (group, other)
              if g not in figure_rows and g < _RUN_GROUP_BASE}
    figure_rows.update(join_reads.member_figures_many(session, unread, limit=MEMBER_CHECK_CAP))

    def frames_of(group: int) -> list[tuple[Frame, ...]]:
        found = group_frames.get(group)
        if found is None:
            found = group_frames[group] = member_frames(members_now(group))
        return found

    kept = [(group, other, explanation) for group, mine, theirs, other, explanation in links
            if not periods_apart_frames(mine, theirs, [mine.frames, *frames_of(group)],
                                        [theirs.frames, *frames_of(other)])]

    ids = create_groups(session, new_groups)

    def real(group: int) -> int:
        return ids[group - _RUN_GROUP_BASE] if group >= _RUN_GROUP_BASE else group

    store.add_members(session, joins)
    conflicts = store.add_explained_conflicts(session, [
        (real(group), real(other), explanation) for group, other, explanation in kept])
    return Placed(joined=[(claim, real(group)) for claim, group in joined], new_groups=ids,
                  conflicts=conflicts)
