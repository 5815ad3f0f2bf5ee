"""The two guards an import passes before a new claim joins a stored claim group, as
matching.grouping's joins do: no figure that contradicts a member's (complete link), and on
average as likely the same claim as the group's first members (average link)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from sqlmodel import Session

from matching.figures import quantities
from matching.frames import Frame, claim_frames
from matching.frames_clash import clash_key, frames_clash
from matching.grouping import AVERAGE_LINK
from matching.pairs import Relation
from matching.signature import ClaimSig
from storage import match_store as store

# Members of a group a new claim's figures are checked against, at most (the newest): the
# check reads a bounded number of rows however large a group has grown. Below this size it
# is the complete link of matching.grouping exactly.
MEMBER_CHECK_CAP = 2000
# The members a new claim is scored against before it joins a group (matching.grouping
# samples as many from each side).
GUARD_SAMPLE = 4


def agrees_with_group(
    sig: ClaimSig, members: Sequence[ClaimSig], decide: Callable[[ClaimSig, ClaimSig], object],
) -> bool:
    """matching.grouping's average-link guard for one new claim: a group of several claims
    takes it only when, on average over its first members, the pair model finds it as likely
    the same claim as AVERAGE_LINK, and none of them conflicts with it."""
    if len(members) <= 1:
        return True
    results = [decide(sig, m) for m in members]
    if any(r.relation is Relation.CONFLICT for r in results):
        return False
    return sum(r.score for r in results) >= AVERAGE_LINK * len(results)


def _member_frames(session: Session, group_id: int) -> list[tuple[Frame, ...]]:
    """The distinct frames of a group's members (members restating the same sentence on the
    same day, or the same values, are worked out and compared once)."""
    seen_rows: set[tuple] = set()
    seen_frames: set[tuple] = set()
    out: list[tuple[Frame, ...]] = []
    for row in store.member_figures(session, group_id, limit=MEMBER_CHECK_CAP):
        row_key = (row.sentence, row.published, _figures_key(row.figures))
        if row_key in seen_rows:
            continue
        seen_rows.add(row_key)
        frames = claim_frames(row.sentence, tuple(quantities(row.figures, None, row.sentence)),
                              row.published)
        if _add_frames(frames, seen_frames):
            out.append(frames)
    return out


def _figures_key(figures: list[dict]) -> str:
    """The figures without their offsets (the same sentence in another article)."""
    return json.dumps([{k: v for k, v in f.items() if k not in ("start", "end")} for f in figures],
                      sort_keys=True, default=str)


def _add_frames(frames: tuple[Frame, ...], seen: set[tuple]) -> bool:
    """Remember a member's frames; False when they are empty or already known."""
    key = clash_key(frames)
    if not frames or key in seen:
        return False
    seen.add(key)
    return True


def conflicts_with_group(
    session: Session, sig: ClaimSig, group_id: int, cache: dict[int, list[tuple[Frame, ...]]]
) -> bool:
    """Would ``sig`` clash with a member of the group (matching.frames_clash, the check of
    matching.grouping's joins)? Checked against every active member (complete link, as
    matching.grouping does; the newest MEMBER_CHECK_CAP of a larger group). The members'
    frames are read once per run (``cache``; the caller adds the claims it joins)."""
    frames = sig.frames
    if not frames:
        return False
    members = cache.get(group_id)
    if members is None:
        members = cache[group_id] = _member_frames(session, group_id)
    return any(frames_clash(frames, other) for other in members)
