"""The two guards an import passes before a new claim joins a stored claim group, as
matching.grouping's joins do: no figure that contradicts a member's (complete link), and on
average as likely the same claim as the group's first members (average link)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from matching.figures import quantities
from matching.frames import Frame, claim_frames
from matching.frames_clash import clash_key, frames_clash
from matching.grouping import sample_agrees, words_comparable
from matching.guard_sample import SAMPLE
from matching.signature import ClaimSig
from storage import join_reads

# Members of a group a new claim's figures are checked against, at most (the newest): the
# check reads a bounded number of rows however large a group has grown. Below this size it
# is the complete link of matching.grouping exactly.
MEMBER_CHECK_CAP = 2000
# The members a new claim is scored against before it joins a group: the group's first
# members less restatements of one taken (matching.guard_sample, as matching.grouping samples
# each side).
GUARD_SAMPLE = SAMPLE
# Distinct sentences of a group read to fill that sample, at most: wire copies of one sentence
# are one row (storage.join_reads.group_members_many), so a group of 10,000 copies reads one;
# restatements in other words are a row each, and four of them for each claim sampled is what
# a group whose first members are noisy copies of a few sentences needs. A bounded read (and
# signatures are worked out only until the sample is full).
GUARD_READ = 4 * SAMPLE


def agrees_with_group(
    sig: ClaimSig, members: Sequence[ClaimSig], decide: Callable[[ClaimSig, ClaimSig], object],
    *, single: bool = False,
) -> bool:
    """matching.grouping's average-link guard for one new claim: a group of several claims
    takes it only when, on average over its sample (``members``: matching.guard_sample), the
    pair model finds it as likely the same claim as AVERAGE_LINK (or, in another language than
    all of them, the same claim as each of them), and none of them conflicts with it or is kept
    apart by a certain rule (matching.grouping.sample_agrees). A group of several restatements
    of one claim is still tested on that claim; ``single``: the group is one claim, and the
    joining pair decided alone (as two single claims join in matching.grouping)."""
    if single or not members:
        return True
    return sample_agrees([decide(sig, m) for m in members],
                         (words_comparable(sig, m) for m in members))


def member_frames(rows: Sequence[join_reads.MemberFigures]) -> list[tuple[Frame, ...]]:
    """The distinct frames of a group's members (members restating the same sentence on the
    same day, or the same values, are worked out and compared once)."""
    seen_rows: set[tuple] = set()
    seen_frames: set[tuple] = set()
    out: list[tuple[Frame, ...]] = []
    for row in rows:
        if not row.figures:
            continue
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
    sig: ClaimSig, group_id: int, cache: dict[int, list[tuple[Frame, ...]]],
    members: Callable[[int], Sequence[join_reads.MemberFigures]],
) -> bool:
    """Would ``sig`` clash with a member of the group (matching.frames_clash, the check of
    matching.grouping's joins)? Checked against every active member (complete link, as
    matching.grouping does; the newest MEMBER_CHECK_CAP of a larger group, as ``members``
    reads them). The members' frames are worked out once per run (``cache``; the caller adds
    the claims it joins)."""
    frames = sig.frames
    if not frames:
        return False
    found = cache.get(group_id)
    if found is None:
        found = cache[group_id] = member_frames(members(group_id))
    return any(frames_clash(frames, other) for other in found)
