"""Matching new claims against what is stored, without re-clustering everything.

Each claim that has no group yet is compared only with the stored claims that share its
blocking keys (looked up in SQL; common keys degraded and the candidates per claim capped as
in matching.blocking), joins the group of its best "same claim" match — unless a
person rejected it from that group, or a figure in that group contradicts it — or starts a
group of its own. Conflicting figures are recorded between groups. Person decisions
(confirmed and rejected memberships) are never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from sqlmodel import Session

from extraction.names import user_alias_paths
from matching.blocking import (
    BUCKET_CAP,
    KEY_CEILING,
    MIN_KEY_WEIGHT,
    REFINE_KEYS,
    TEXT_CANDIDATES,
    WINDOW,
    blocking_keys,
    key_weight,
)
from matching.concepts import concept_paths
from matching.decide import LEARNED, RULES, score_unless_apart
from matching.decide import score as decide_score
from matching.frames import Frame
from matching.group_periods import periods_apart
from matching.grouping import cluster
from matching.join_guards import GUARD_SAMPLE, agrees_with_group, conflicts_with_group
from matching.learn import stored_model
from matching.pairs import DEFAULT_THRESHOLDS, Relation, Thresholds
from matching.parallel import fork_pool, worker_count
from matching.signature import ClaimSig, signature
from matching.stored_sig import sig_of_row, word_idf
from resources import resource_path
from storage import audit
from storage import match_store as store
from storage.database import Database
from storage.groups import NewGroup, create_group, create_groups

# 3: concept drops, names of several words, figure roles; 4: frame and slot blocking keys;
# 5: numerals and months of more languages, slot keys of any period
SIGNATURE_CODE_VERSION = "6"
SIGNATURE_BATCH = 2000
# A batch this large (indexing a big database) computes its signatures on every core.
PARALLEL_INDEX = 1000
# Below this many ungrouped claims, claim-by-claim matching is fast enough and simpler.
BULK_MIN_CLAIMS = 2000


def signature_version() -> str:
    """Changes when the code or the alias tables change, so stored signatures are redone."""
    h = hashlib.sha256(SIGNATURE_CODE_VERSION.encode())
    for path in (resource_path("aliases.tsv"), *user_alias_paths(), *concept_paths()):
        with contextlib.suppress(OSError):  # a user file removed meanwhile
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class MatchReport:
    signed: int = 0
    joined: list[tuple[int, int]] = field(default_factory=list)  # (claim, existing group)
    new_groups: list[int] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # (group, group)
    cancelled: bool = False

    def lines(self) -> list[str]:
        return [
            f"claims indexed for matching: {self.signed}",
            f"claims joined to an existing group: {len(self.joined)}",
            f"new claim groups: {len(self.new_groups)}",
            f"new conflicts between groups: {len(self.conflicts)}",
        ]


def index_claims(
    db: Database,
    *,
    only: Iterable[int] | None = None,
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Compute and store signatures and blocking keys of claims that lack current ones
    (only among ``only`` when given)."""
    ids = sorted(set(only)) if only is not None else None
    version = signature_version()
    done = 0
    after: int | None = None
    pool: ProcessPoolExecutor | None = None
    try:
        while True:
            if cancelled is not None and cancelled():
                return done
            with db.write() as session:
                rows = store.claims_needing_signature(session, version, SIGNATURE_BATCH, ids,
                                                      after=after)
                if not rows:
                    return done
                after = rows[-1].id  # by id: what is left comes after (no rescan)
                if pool is None and len(rows) >= PARALLEL_INDEX:
                    pool = fork_pool()
                _index_batch(session, rows, version, pool)
            done += len(rows)
            if progress is not None:
                progress(f"indexed {done} claims")
    finally:
        if pool is not None:
            pool.shutdown()


def _signatures_of_rows(rows: list[store.ClaimForMatching]) -> list[ClaimSig]:
    return [signature(r.id, r.sentence, figures=r.figures, figure_offset=r.start,
                      category=r.category) for r in rows]


def _signatures_with_frames(rows: list[store.ClaimForMatching]) -> list[ClaimSig]:
    """In a worker: signatures with their frames worked out (the blocking keys need them;
    sent back with the signature, so not worked out again on the parent's one core)."""
    sigs = _signatures_of_rows(rows)
    for sig in sigs:
        sig.frames  # noqa: B018  (cached on the signature)
    return sigs


def _row_key(row: store.ClaimForMatching) -> tuple:
    """What a stored claim's signature depends on: its sentence, category and figures
    (their offsets taken relative to the sentence)."""
    figures = json.dumps(
        [{k: (v - row.start if k in ("start", "end") and isinstance(v, int) else v)
          for k, v in f.items()} for f in row.figures],
        sort_keys=True, default=str)
    return (row.sentence, row.category, figures)


def _signatures_once(
    rows: list[store.ClaimForMatching], pool: ProcessPoolExecutor | None
) -> list[ClaimSig]:
    """Signatures of ``rows``; a sentence repeated word for word (wire copy, syndication) is
    worked out once and each repeat gets its own id."""
    first_of: dict[tuple, int] = {}
    unique: list[store.ClaimForMatching] = []
    keys = [_row_key(row) for row in rows]
    for row, key in zip(rows, keys, strict=True):
        if key not in first_of:
            first_of[key] = len(unique)
            unique.append(row)
    if pool is None:
        parsed = _signatures_of_rows(unique)
    else:
        size = -(-len(unique) // (2 * worker_count(None)))
        parts = [unique[k : k + size] for k in range(0, len(unique), size)]
        parsed = [sig for part in pool.map(_signatures_with_frames, parts) for sig in part]
    out: list[ClaimSig] = []
    for row, key in zip(rows, keys, strict=True):
        sig = parsed[first_of[key]]
        if sig.id != row.id:
            frames = sig.__dict__.get("_frames")
            sig = replace(sig, id=row.id)
            if frames is not None:  # the same text and (no) date: the same frames
                object.__setattr__(sig, "_frames", frames)
        out.append(sig)
    return out


def _index_batch(
    session: Session, rows: list[store.ClaimForMatching], version: str,
    pool: ProcessPoolExecutor | None,
) -> None:
    """Signatures, word counts and blocking keys of one batch of claims."""
    sigs = _signatures_once(rows, pool)
    df = store.token_frequencies(session, (t for s in sigs for t in s.token_set))
    n = store.matchable_claim_count(session) + len(sigs)
    idf = {t: word_idf(df.get(t, 0) + 1, n) for s in sigs for t in s.token_set}
    keys = [
        {"key": key, "claim_id": s.id, "weight": weight}
        for s in sigs
        for key, weight in dict(blocking_keys(s, idf)).items()
    ]
    store.save_signatures(
        session,
        [
            {"claim_id": s.id, "tokens": " ".join(s.tokens),
             "entities": {k: sorted(v) for k, v in s.entities.items()},
             "version": version}
            for s in sigs
        ],
        keys,
        [s.token_set for s in sigs],
    )


def match_new_claims(
    db: Database,
    *,
    actor: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    only: Iterable[int] | None = None,
    progress: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    model: object = None,
    keep_signatures: Callable[[Sequence[ClaimSig]], None] | None = None,
) -> MatchReport:
    """Give every ungrouped claim (or those in ``only``) a group; one transaction, one audit entry.

    ``model``: the pair decision (matching.decide); by default the weights learned from this
    database's decisions when there are any (matching.learn), else the shipped ones.
    ``keep_signatures`` is handed the signatures of the claims this run grouped (with the
    frames and figure roles matching worked out cached on them), for work that reads them
    after matching (workflows.measuring) instead of working them out again."""
    wanted = sorted(set(only)) if only is not None else None
    report = MatchReport(signed=index_claims(db, only=wanted, progress=progress,
                                             cancelled=cancelled))
    if cancelled is not None and cancelled():
        report.cancelled = True
        return report
    with db.write() as session:
        if model is None:
            model = stored_model(session) or LEARNED
        pending = store.unassigned_claims(session, wanted)
        if len(pending) >= BULK_MIN_CLAIMS and not store.has_groups(session):
            sigs = _group_in_bulk(session, pending, report, actor=actor,
                                  thresholds=thresholds, progress=progress, model=model)
            if keep_signatures is not None:
                keep_signatures(sigs)
            return report
        n = max(store.matchable_claim_count(session), 1)
        group_of: dict[int, int] = {}  # claims grouped during this run
        rejected = store.rejected_pairs(session, (p.id for p in pending))
        # Word frequencies, fetched once per word for the whole run (one query per batch).
        frequencies: dict[str, int] = {}

        def fetch_frequencies(tokens: Iterable[str]) -> None:
            missing = {t for t in tokens if t not in frequencies}
            if missing:
                found = store.token_frequencies(session, missing)
                frequencies.update({t: found.get(t, 1) for t in missing})

        def df_of(token: str) -> int:
            return frequencies.get(token, 1)

        fetch_frequencies(t for p in pending for t in (p.tokens or "").split())
        # Candidates of every pending claim, fetched together: the keys, word frequencies
        # and stored claims they need do not change while this run assigns groups (a claim
        # grouped earlier in the run is found through group_of), so a few queries for the
        # whole batch give what one query per claim gave.
        sigs = [sig_of_row(row) for row in pending]
        found_per_claim = store.candidates_many(
            session,
            [blocking_keys(sig, {t: word_idf(df_of(t), n) for t in sig.token_set}) for sig in sigs],
            bucket_cap=BUCKET_CAP, weigh=key_weight, refine_keys=REFINE_KEYS, recent=WINDOW,
        )
        heaviest = [_best_candidates(found, row.id)
                    for row, found in zip(pending, found_per_claim, strict=True)]
        stored: dict[int, list[store.ClaimForMatching]] = {}
        for other in store.claims_by_id(session, {cid for ids in heaviest for cid, _w in ids}):
            stored.setdefault(other.id, []).append(other)
        wanted_ids = [_most_similar(sig, ids, stored) for sig, ids in zip(sigs, heaviest, strict=True)]
        fetch_frequencies(t for rows in stored.values() for o in rows
                          for t in (o.tokens or "").split())
        stored_sigs: dict[int, ClaimSig] = {}
        # The decision's first rules read before its features (decide.score_unless_apart).
        ruled_out_first = model != RULES
        group_frames: dict[int, list[tuple[Frame, ...]]] = {}  # of groups joined this run
        guard_members: dict[int, list[ClaimSig]] = {}  # the first members of groups met
        conflict_links: list[tuple[int, ClaimSig, ClaimSig, int, dict]] = []
        for count, (row, sig, ids) in enumerate(zip(pending, sigs, wanted_ids, strict=True)):
            if cancelled is not None and cancelled():
                raise _Cancelled
            others = [o for cid in sorted(set(ids)) for o in stored.get(cid, ())]
            idf = {t: word_idf(df_of(t), n) for t in sig.token_set}
            idf.update({t: word_idf(df_of(t), n) for o in others for t in (o.tokens or "").split()})
            # The best "same claim" match in each group this claim meets.
            matches: dict[int, tuple[float, dict]] = {}
            for other in others:
                group = other.group_id or group_of.get(other.id)
                if group is None:
                    continue  # an ungrouped claim meets this one when its own turn comes
                other_sig = stored_sigs.get(other.id)
                if other_sig is None:
                    other_sig = stored_sigs[other.id] = sig_of_row(other)
                res = (score_unless_apart if ruled_out_first else decide_score)(
                    sig, other_sig, idf=idf, default_idf=word_idf(1, n), thresholds=thresholds,
                    model=model)
                if res is None:
                    continue  # ruled apart: different claims (only "same" and "conflict" count)
                if res.relation is Relation.CONFLICT:
                    conflict_links.append((row.id, sig, other_sig, group, res.explanation))
                elif (res.relation is Relation.SAME and (row.id, group) not in rejected
                      and (group not in matches or res.score > matches[group][0])):
                    matches[group] = (res.score, res.explanation | {"matched_claim": other.id})

            def agrees(group: int, sig: ClaimSig, idf: dict[str, float]) -> bool:
                members = guard_members.get(group)
                if members is None:
                    rows = store.group_members(session, group, limit=GUARD_SAMPLE)
                    fetch_frequencies(t for o in rows for t in (o.tokens or "").split())
                    members = guard_members[group] = [
                        stored_sigs.get(o.id) or sig_of_row(o) for o in rows]
                idf.update({t: word_idf(df_of(t), n) for m in members for t in m.token_set})
                return agrees_with_group(
                    sig, members, lambda x, y: decide_score(
                        x, y, idf=idf, default_idf=word_idf(1, n), thresholds=thresholds,
                        model=model, explain=False))

            # The best group that takes it, as matching.grouping joins: no clashing figure
            # in the group (complete link) and, on average, as likely the same claim as its
            # first members (average link), so one match cannot chain two claims together.
            chosen = next((
                (group, found) for group, found in sorted(
                    matches.items(), key=lambda kv: (-kv[1][0], kv[0]))
                if not conflicts_with_group(session, sig, group, group_frames)
                and agrees(group, sig, idf)), None)
            if chosen is not None:
                group, (best_score, explanation) = chosen
                store.add_member(session, group, row.id, best_score, explanation)
                if sig.frames:
                    group_frames[group].append(sig.frames)
                if len(guard_members[group]) < GUARD_SAMPLE:
                    guard_members[group].append(sig)
                group_of[row.id] = group
                report.joined.append((row.id, group))
            else:
                gid = create_group(session, [row.id], actor=actor, audit_action=None)
                group_of[row.id] = gid
                guard_members[gid] = [sig]
                report.new_groups.append(gid)
            if progress is not None and count % 200 == 0:
                progress(f"matched {count} of {len(pending)} claims")
        def first_members(group: int) -> list[ClaimSig]:
            if group not in guard_members:
                guard_members[group] = [stored_sigs.get(o.id) or sig_of_row(o) for o in
                                        store.group_members(session, group, limit=GUARD_SAMPLE)]
            return guard_members[group]

        for claim_id, sig, other_sig, other_group, explanation in conflict_links:
            mine = group_of[claim_id]
            if mine == other_group or periods_apart(sig, other_sig, [sig, *first_members(mine)],
                                                    [other_sig, *first_members(other_group)]):
                continue  # one group, or two periods once each claim takes its group's
            if store.add_conflict(session, mine, other_group, explanation):
                report.conflicts.append(tuple(sorted((mine, other_group))))
        if report.joined or report.new_groups or report.conflicts:
            audit.record(
                session, actor=actor, action="matching_run", entity="claim_group",
                after={"joined": len(report.joined), "new_groups": len(report.new_groups),
                       "conflicts": len(report.conflicts)},
            )
    if keep_signatures is not None:
        keep_signatures(sigs)
    return report


def _best_candidates(found: dict[int, int], own_id: int) -> list[tuple[int, int]]:
    """(stored claim, shared weight) of the claims sharing MIN_KEY_WEIGHT with a new claim,
    at most KEY_CEILING of them: the heaviest shared weight first, then the newest."""
    ranked = sorted(((w, cid) for cid, w in found.items() if w >= MIN_KEY_WEIGHT and cid != own_id),
                    key=lambda item: (-item[0], -item[1]))
    return [(cid, w) for w, cid in ranked[:KEY_CEILING]]


def _most_similar(
    sig: ClaimSig, candidates: list[tuple[int, int]], stored: dict[int, list[store.ClaimForMatching]]
) -> list[int]:
    """The TEXT_CANDIDATES of ``candidates`` whose words are closest to the claim's (the edit
    similarity of the sorted words, then the shared key weight, then the newest): as in
    grouping, the per-pair rules see a bounded number of candidates per claim."""
    if len(candidates) <= TEXT_CANDIDATES:
        return [cid for cid, _w in candidates]
    ranked = []
    for cid, weight in candidates:
        rows = stored.get(cid)
        words = " ".join(sorted((rows[0].tokens or "").split())) if rows else ""
        ranked.append((-fuzz.ratio(sig.sorted_text, words), -weight, -cid, cid))
    ranked.sort()
    return [item[-1] for item in ranked[:TEXT_CANDIDATES]]


def _group_in_bulk(
    session: Session,
    pending: list[store.ClaimForMatching],
    report: MatchReport,
    *,
    actor: str,
    thresholds: Thresholds,
    progress: Callable[[str], None] | None,
    model: object = LEARNED,
) -> list[ClaimSig]:
    """First matching of a large database with no groups yet: cluster everything in memory
    (blocked, see matching.grouping) instead of one SQL round trip per claim. Returns the
    signatures it clustered."""
    sigs = [sig_of_row(row) for row in pending]
    result = cluster(sigs, thresholds=thresholds, progress=progress, model=model)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(result.labels):
        members.setdefault(label, []).append(index)
    explanations = {j: res for (_i, j), res in result.links.items()}
    # All groups and conflicts in a few bulk statements (tens of thousands of groups).
    new_groups = [
        NewGroup(
            [pending[i].id for i in indexes],
            scores={pending[i].id: explanations[i].score for i in indexes if i in explanations},
            explanations={pending[i].id: explanations[i].explanation for i in indexes
                          if i in explanations},
        )
        for indexes in members.values()
    ]
    group_ids = create_groups(session, new_groups)
    group_of_label = dict(zip(members, group_ids, strict=True))
    report.new_groups.extend(group_ids)
    conflict_pairs = [
        (group_of_label[label], group_of_label[other])
        for label, others in result.conflicts.items()
        for other in others
        if group_of_label[label] < group_of_label[other]
    ]
    report.conflicts.extend(store.add_conflicts(session, conflict_pairs, {"detected": "bulk grouping"}))
    audit.record(session, actor=actor, action="matching_run", entity="claim_group",
                 after={"bulk": True, "new_groups": len(report.new_groups),
                        "conflicts": len(report.conflicts)})
    return sigs


class _Cancelled(Exception):
    """Raised inside the write transaction so a cancelled run rolls back completely."""


def run_matching(db: Database, *, actor: str, **kwargs) -> MatchReport:  # noqa: ANN003
    """match_new_claims, with a cancel turned into a report instead of an exception."""
    try:
        return match_new_claims(db, actor=actor, **kwargs)
    except _Cancelled:
        return MatchReport(cancelled=True)
