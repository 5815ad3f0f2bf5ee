"""A conflict between two groups is one of one period, read from every member of each group.

A claim whose page shows no date has no period of its own, so the pair decision lets its values
clash with a claim of any period (matching.slot.slot_period_ok). Once grouped, it shares the
period of the members that state the same figure with a date: "Russia launched 805 drones and
13 missiles in its overnight attack" (undated) is of 7 September once it sits with "805 drones
on the night of 7 September", and no longer clashes with the 728 drones of 9 July.
"""

from __future__ import annotations

from collections.abc import Iterable

from matching.frames import Frame, frame_conflicts, measures_compatible
from matching.signature import ClaimSig
from matching.slot import slot_period_ok


def _periods(x: Frame, members: Iterable[tuple[Frame, ...]]) -> list[Frame]:
    """Frames of the group's members (each member's frames) that state the figure ``x`` (one
    measure, the values overlap) as of a known period."""
    out = []
    for frames in members:
        for f in frames:
            if (f.period and f.measure != "date" and measures_compatible(f.measure, x.measure)
                    and f.overlaps(x)):
                out.append(f)
    return out


def periods_apart(a: ClaimSig, b: ClaimSig, group_a: Iterable[ClaimSig],
                  group_b: Iterable[ClaimSig]) -> bool:
    """Claims ``a`` and ``b`` were scored a conflict, and every clash of their values is of two
    periods once each figure takes the periods its group (``group_a``, ``group_b``: members,
    the claim among them or not) gives it (both known, not one period as slot_period_ok reads
    it): not a conflict between the two groups."""
    return periods_apart_frames(a, b, (m.frames for m in group_a), (m.frames for m in group_b))


def periods_apart_frames(a: ClaimSig, b: ClaimSig, group_a: Iterable[tuple[Frame, ...]],
                         group_b: Iterable[tuple[Frame, ...]]) -> bool:
    """periods_apart, the groups given by their members' frames (an import reads those, not
    the members' signatures: matching.join_guards.member_frames)."""
    clashes = [(x, y) for x, y in frame_conflicts(a.frames, b.frames) if x.measure != "date"]
    if not clashes:
        return False
    members_a, members_b = list(group_a), list(group_b)
    for x, y in clashes:
        px, py = _periods(x, members_a), _periods(y, members_b)
        if not px or not py or any(slot_period_ok(a, b) for a in px for b in py):
            return False
    return True
