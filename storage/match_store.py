"""What matching reads and writes: signatures, blocking keys, word frequencies, memberships,
conflicts. Plain queries only; the decisions are made in ``matching/``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text
from sqlmodel import Session

from storage.database import session_in_chunk
from storage.models import (
    Article,
    Claim,
    ClaimGroupMember,
    ClaimMatchKey,
    ClaimSignature,
    ClaimStatus,
    GroupConflict,
    MemberDecision,
    Outlet,
    utcnow,
)


@dataclass(frozen=True)
class ClaimForMatching:
    id: int
    sentence: str
    start: int
    category: str | None
    figures: list[dict[str, Any]]
    outlet: str
    published: str | None
    tokens: str | None = None  # from the stored signature, when there is one
    entities: dict[str, list[str]] | None = None
    group_id: int | None = None


_ACTIVE = (
    select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id)
    .where(ClaimGroupMember.decision != MemberDecision.REJECTED)
    .subquery("active_member")
)


def _claim_query():  # noqa: ANN202
    active = _ACTIVE
    return (
        select(
            Claim.id, Claim.sentence, Claim.start, Claim.category, Claim.figures, Outlet.name,
            Article.published, ClaimSignature.tokens, ClaimSignature.entities, active.c.group_id,
        )
        .join(Article, Article.id == Claim.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(ClaimSignature, ClaimSignature.claim_id == Claim.id)
        .outerjoin(active, active.c.claim_id == Claim.id)
    )


def claim_rows(session: Session, query) -> list[ClaimForMatching]:  # noqa: ANN001
    return [
        ClaimForMatching(
            id=r[0], sentence=r[1], start=r[2], category=r[3], figures=r[4] or [], outlet=r[5],
            published=r[6].isoformat() if r[6] else None, tokens=r[7], entities=r[8],
            group_id=r[9],
        )
        for r in session.execute(query)
    ]


def claims_needing_signature(
    session: Session, version: str, limit: int, ids: Sequence[int] | None = None,
    *, after: int | None = None,
) -> list[ClaimForMatching]:
    """Matchable claims (not rejected) whose signature is missing or from another version,
    by id (only those past ``after`` when given); only among ``ids`` when given (an import
    knows its new claims: no scan of the table)."""
    query = (
        _claim_query()
        .where(Claim.status != ClaimStatus.REJECTED)
        .where(or_(ClaimSignature.claim_id.is_(None), ClaimSignature.version != version))
        .order_by(Claim.id)
    )
    if after is not None:
        query = query.where(Claim.id > after)
    if ids is None:
        return claim_rows(session, query.limit(limit))
    out: list[ClaimForMatching] = []
    wanted = sorted(i for i in set(ids) if after is None or i > after)
    # Sorted slices under the engine's variable limit: their concatenation is ordered by id.
    for chunk in chunks(wanted, session_in_chunk(session)):
        if len(out) >= limit:
            break
        out += claim_rows(session, query.where(Claim.id.in_(chunk)).limit(limit - len(out)))
    return out


def unassigned_claims(session: Session, ids: Sequence[int] | None = None) -> list[ClaimForMatching]:
    """Matchable claims with a signature and no active group (only among ``ids`` if given)."""
    query = (
        _claim_query()
        .where(Claim.status != ClaimStatus.REJECTED)
        .where(ClaimSignature.claim_id.is_not(None))
        .where(_ACTIVE.c.group_id.is_(None))
        .order_by(Claim.id)
    )
    if ids is None:
        return claim_rows(session, query)
    out: list[ClaimForMatching] = []
    for chunk in chunks(sorted(set(ids)), session_in_chunk(session)):
        out += claim_rows(session, query.where(Claim.id.in_(chunk)))
    return out


# Values per IN list at most (fewer where the engine allows fewer bound values: every IN list
# here is cut to ``storage.database.session_in_chunk``, so no list of ids, keys or words is
# ever too long for the engine, whatever its size).
_IN_CHUNK = 500


def chunks(values: Sequence[Any], size: int = _IN_CHUNK) -> Iterable[Sequence[Any]]:
    size = max(1, min(size, _IN_CHUNK))
    return (values[k : k + size] for k in range(0, len(values), size))


def claims_by_id(session: Session, ids: Iterable[int]) -> list[ClaimForMatching]:
    """The claims with these ids, ordered by id (one query per 500 ids)."""
    ids = sorted(set(ids))
    out: list[ClaimForMatching] = []
    for chunk in chunks(ids, session_in_chunk(session)):  # sorted: the result stays ordered
        out += claim_rows(session, _claim_query().where(Claim.id.in_(chunk)).order_by(Claim.id))
    return out


def save_signatures(
    session: Session,
    signatures: Sequence[dict[str, Any]],
    keys: Sequence[dict[str, Any]],
    tokens_per_claim: Sequence[Iterable[str]],
) -> None:
    """Replace the signatures and keys of these claims; count their words once each."""
    ids = [s["claim_id"] for s in signatures]
    if not ids:
        return
    decrement: dict[str, int] = {}
    for chunk in chunks(ids, session_in_chunk(session)):
        old = session.execute(
            select(ClaimSignature.tokens).where(ClaimSignature.claim_id.in_(chunk))
        ).scalars()
        for tokens in old:
            for t in set(tokens.split()):
                decrement[t] = decrement.get(t, 0) + 1
        session.execute(delete(ClaimSignature).where(ClaimSignature.claim_id.in_(chunk)))
        session.execute(delete(ClaimMatchKey).where(ClaimMatchKey.claim_id.in_(chunk)))
    # Core inserts (executemany), not ORM bulk inserts: an import of 100,000 claims writes
    # over a million key rows, and the ORM path spent more time than computing them.
    connection = session.connection()
    connection.execute(ClaimSignature.__table__.insert(), list(signatures))
    if keys:
        # Straight to the driver's executemany: SQLAlchemy's per-row parameter processing
        # cost more than the insert itself for these plain (text, int, int) rows.
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        connection.exec_driver_sql(
            f"INSERT INTO claim_match_key (key, claim_id, weight) VALUES ({mark}, {mark}, {mark})",
            [(k["key"], k["claim_id"], k["weight"]) for k in keys],
        )
    increment: dict[str, int] = {}
    for tokens in tokens_per_claim:
        for t in set(tokens):
            increment[t] = increment.get(t, 0) + 1
    delta = {t: increment.get(t, 0) - decrement.get(t, 0) for t in set(increment) | set(decrement)}
    rows = [{"t": t, "d": d} for t, d in delta.items() if d]
    if rows:
        session.connection().execute(
            text(
                "INSERT INTO token_frequency (token, claims) VALUES (:t, :d) "
                "ON CONFLICT (token) DO UPDATE SET claims = token_frequency.claims + excluded.claims"
            ),
            rows,
        )


def token_frequencies(session: Session, tokens: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in chunks(sorted(set(tokens)), session_in_chunk(session)):
        out.update(session.execute(text(
            "SELECT token, claims FROM token_frequency WHERE token IN "
            f"({','.join(':t' + str(k) for k in range(len(chunk)))})"
        ), {f"t{k}": t for k, t in enumerate(chunk)}).all())
    return out


def has_groups(session: Session) -> bool:
    return session.execute(select(ClaimGroupMember.id).limit(1)).first() is not None


def matchable_claim_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(ClaimSignature)).scalar_one()


def candidates(
    session: Session,
    keys: Sequence[tuple[str, int]],
    *,
    bucket_cap: int,
    weigh: Callable[[int, int], int] = lambda weight, _size: weight,
) -> dict[int, int]:
    """Claims sharing keys with a new claim, with the summed weight of the shared keys
    (``weigh(weight, claims holding the key)``). Keys held by more than ``bucket_cap``
    claims are skipped: they say too little."""
    return candidates_many(session, [keys], bucket_cap=bucket_cap, weigh=weigh)[0]


_SIZE_CHUNK = 200  # sub-selects per UNION ALL (SQLite allows 500 compound terms)


def key_sizes(session: Session, keys: Sequence[str], *, cap: int) -> dict[str, int]:
    """How many claims hold each key, counted only up to ``cap``: a common key ("e:kharkiv")
    is held by thousands of claims, and counting them all cost most of matching a new
    article. Each key's count is a bounded index scan; keys held by no claim are left out."""
    sizes: dict[str, int] = {}
    limit = int(cap)
    for chunk in chunks(keys, min(_SIZE_CHUNK, session_in_chunk(session))):
        sql = " UNION ALL ".join(
            f"SELECT CAST(:k{i} AS VARCHAR) AS key, (SELECT count(*) FROM (SELECT 1 FROM "
            f"claim_match_key WHERE key = :k{i} LIMIT {limit}) AS s{i}) AS n"
            for i in range(len(chunk))
        )
        rows = session.execute(text(sql), {f"k{i}": key for i, key in enumerate(chunk)})
        sizes.update((key, n) for key, n in rows if n)
    return sizes


def candidates_many(
    session: Session,
    keys_per_claim: Sequence[Sequence[tuple[str, int]]],
    *,
    bucket_cap: int,
    weigh: Callable[[int, int], int] = lambda weight, _size: weight,
    refine_keys: int = 0,
    recent: int = 0,
) -> list[dict[int, int]]:
    """``candidates`` for each of many claims (an article's), with a few queries per 500
    distinct keys in all instead of a few per claim.

    A key held by more than ``bucket_cap`` claims is skipped unless ``refine_keys`` or
    ``recent`` say how to degrade it: its weight then goes to the claims that hold it *and*
    one of the new claim's ``refine_keys`` rarer keys (looked for among the most recent
    holders of the common key), or, when the new claim has no rarer key, to its ``recent``
    most recent holders. The cost stays bounded however common the key."""
    distinct = sorted({k for keys in keys_per_claim for k, _w in keys})
    sizes = key_sizes(session, distinct, cap=bucket_cap + 1)
    usable = [k for k in distinct if 0 < sizes.get(k, 0) <= bucket_cap]
    holders: dict[str, list[int]] = {k: [] for k in usable}
    in_size = session_in_chunk(session)
    for chunk in chunks(usable, in_size):
        for key, claim_id in session.execute(
            select(ClaimMatchKey.key, ClaimMatchKey.claim_id).where(ClaimMatchKey.key.in_(chunk))
        ):
            holders[key].append(claim_id)
    # Degraded keys: (common key, rarer key or None) per claim.
    refined: list[list[tuple[str, str | None, int]]] = []
    for keys in keys_per_claim:
        mine = dict(keys)
        over = [k for k in mine if sizes.get(k, 0) > bucket_cap]
        out: list[tuple[str, str | None, int]] = []
        if over and (refine_keys or recent):
            rarest = sorted((k for k in mine if sizes.get(k, 0) > 0), key=lambda k: (sizes[k], k))
            for k in over:
                rarer = [k2 for k2 in rarest if k2 != k and sizes[k2] < sizes[k]][:refine_keys]
                out += [(k, k2, mine[k]) for k2 in rarer] or ([(k, None, mine[k])] if recent else [])
        refined.append(out)
    # Which holders of the rarer (usable) keys also hold the common key: one query.
    common = sorted({k for out in refined for k, k2, _w in out if k2 in holders})
    also: set[tuple[str, int]] = set()
    wanted_ids = sorted({c for out in refined for _k, k2, _w in out if k2 in holders
                         for c in holders[k2]})
    half = max(1, in_size // 2)  # two IN lists in one statement
    for key_chunk in chunks(common, half):
        for id_chunk in chunks(wanted_ids, half):
            also.update(session.execute(
                select(ClaimMatchKey.key, ClaimMatchKey.claim_id)
                .where(ClaimMatchKey.key.in_(key_chunk), ClaimMatchKey.claim_id.in_(id_chunk))
            ).all())
    both_common: dict[tuple[str, str | None], list[int]] = {}
    for out in refined:
        for k, k2, _w in out:
            if k2 in holders or (k, k2) in both_common:
                continue
            both_common[(k, k2)] = _recent_holders(session, k, k2, bucket_cap if k2 else recent)
    result: list[dict[int, int]] = []
    for keys, out in zip(keys_per_claim, refined, strict=True):
        found: dict[int, int] = {}
        for key, weight in dict(keys).items():
            members = holders.get(key)
            if members is None:
                continue
            effective = weigh(weight, sizes[key] + 1)  # +1: the new claim
            for claim_id in members:
                found[claim_id] = found.get(claim_id, 0) + effective
        for k, k2, weight in out:
            members = both_common.get((k, k2))
            if members is None:  # the rarer key's holders that hold the common key, once
                members = both_common[(k, k2)] = [c for c in holders[k2] if (k, c) in also]
            for claim_id in members:
                found[claim_id] = found.get(claim_id, 0) + weight
        result.append(found)
    return result


_RECENT_SCAN = 2000  # holders of a common key read, newest first, when degrading it


def _recent_holders(session: Session, key: str, other: str | None, limit: int) -> list[int]:
    """The newest holders of ``key`` that also hold ``other`` (any when None), at most
    ``limit``, looking at no more than the _RECENT_SCAN newest holders (a bounded scan)."""
    newest = (select(ClaimMatchKey.claim_id).where(ClaimMatchKey.key == key)
              .order_by(ClaimMatchKey.claim_id.desc()).limit(_RECENT_SCAN).subquery())
    query = select(newest.c.claim_id)
    if other is not None:
        query = query.where(newest.c.claim_id.in_(
            select(ClaimMatchKey.claim_id).where(ClaimMatchKey.key == other)))
    return list(session.execute(query.order_by(newest.c.claim_id.desc()).limit(limit)).scalars())


def rejected_pairs(session: Session, claim_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(claim, group) pairs a person has rejected."""
    ids = sorted(set(claim_ids))
    out: set[tuple[int, int]] = set()
    for chunk in chunks(ids, session_in_chunk(session)):
        out.update(session.execute(
            select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id).where(
                ClaimGroupMember.claim_id.in_(chunk),
                ClaimGroupMember.decision == MemberDecision.REJECTED,
            )
        ).all())
    return out


def add_member(
    session: Session, group_id: int, claim_id: int, score: float, explanation: dict[str, Any]
) -> None:
    session.execute(
        insert(ClaimGroupMember).values(
            group_id=group_id, claim_id=claim_id, score=score,
            decision=MemberDecision.AUTO, explanation=explanation,
        )
    )


def add_members(session: Session, members: Sequence[tuple[int, int, float, dict[str, Any]]]) -> None:
    """``add_member`` for many (group, claim, score, explanation), in one insert."""
    if members:
        session.connection().execute(ClaimGroupMember.__table__.insert(), [
            {"group_id": g, "claim_id": c, "score": score, "decision": MemberDecision.AUTO,
             "explanation": explanation, "decided_by": None, "decided_at": None}
            for g, c, score, explanation in members])


def add_conflict(session: Session, group_a: int, group_b: int, explanation: dict[str, Any]) -> bool:
    """Record that two groups disagree on a figure; False if already known."""
    return bool(add_explained_conflicts(session, [(group_a, group_b, explanation)]))


def add_conflicts(
    session: Session, pairs: Sequence[tuple[int, int]], explanation: dict[str, Any]
) -> list[tuple[int, int]]:
    """``add_conflict`` for many pairs (in order, one insert); returns the pairs (smaller
    group first) that were not known yet."""
    return add_explained_conflicts(session, [(a, b, explanation) for a, b in pairs])


def add_explained_conflicts(
    session: Session, links: Sequence[tuple[int, int, dict[str, Any]]]
) -> list[tuple[int, int]]:
    """``add_conflict`` for many (group, group, explanation) links, in order (the first
    explanation of a pair is kept), in one query and one insert instead of two statements
    per link; returns the pairs (smaller group first) that were not known yet."""
    wanted: dict[tuple[int, int], dict[str, Any]] = {}
    for a, b, explanation in links:
        wanted.setdefault((min(a, b), max(a, b)), explanation)
    known: set[tuple[int, int]] = set()
    firsts = sorted({a for a, _b in wanted})
    for chunk in chunks(firsts, session_in_chunk(session)):
        known.update(session.execute(
            select(GroupConflict.group_a, GroupConflict.group_b).where(GroupConflict.group_a.in_(chunk))
        ).all())
    added = [p for p in wanted if p not in known]
    if added:
        now = utcnow()
        session.connection().execute(GroupConflict.__table__.insert(), [
            {"group_a": a, "group_b": b, "explanation": wanted[(a, b)], "detected_at": now}
            for a, b in added
        ])
    return added


def conflicts_of(session: Session, group_id: int) -> list[GroupConflict]:
    return list(
        session.execute(
            select(GroupConflict).where(
                or_(GroupConflict.group_a == group_id, GroupConflict.group_b == group_id)
            )
        ).scalars()
    )


def claims_left_unmatched(session: Session, limit: int | None = None) -> list[int]:
    """Matchable claims (not rejected) with no signature at all or no active group, by id:
    what a killed import or a postponed matching run leaves behind. A signature of another
    version is not "left behind" (``claimdesk match`` redoes those), so it is not listed."""
    query = (
        select(Claim.id)
        .outerjoin(ClaimSignature, ClaimSignature.claim_id == Claim.id)
        .where(Claim.status != ClaimStatus.REJECTED)
        .where(or_(ClaimSignature.claim_id.is_(None),
                   ~select(ClaimGroupMember.id)
                   .where(ClaimGroupMember.claim_id == Claim.id,
                          ClaimGroupMember.decision != MemberDecision.REJECTED)
                   .exists()))
        .order_by(Claim.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).scalars())
