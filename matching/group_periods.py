"""A conflict between two groups is one of one period, read from every member of each group.

A claim whose page shows no date has no period of its own, so the pair decision lets its values
clash with a claim of any period (matching.slot.slot_period_ok). Once grouped, it shares the
period of the members that state the same figure with a date: "Russia launched 805 drones and
13 missiles in its overnight attack" (undated) is of 7 September once it sits with "805 drones
on the night of 7 September", and no longer clashes with the 728 drones of 9 July.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from matching.frames import Frame, frame_conflicts, measures_compatible
from matching.signature import ClaimSig
from matching.slot import slot_period_ok


def _periods(x: Frame, members: Iterable[int], sigs: Sequence[ClaimSig]) -> list[Frame]:
    """Frames of the group's members that state the figure ``x`` (one measure, the values
    overlap) as of a known period."""
    out = []
    for m in members:
        for f in sigs[m].frames:
            if (f.period and f.measure != "date" and measures_compatible(f.measure, x.measure)
                    and f.overlaps(x)):
                out.append(f)
    return out


def periods_apart(sigs: Sequence[ClaimSig], i: int, j: int, group_i: Iterable[int],
                  group_j: Iterable[int]) -> bool:
    """Claims ``i`` and ``j`` were scored a conflict, and every clash of their values is of two
    periods once each figure takes the periods its group gives it (both known, not one period
    as slot_period_ok reads it): not a conflict between the two groups."""
    clashes = [(x, y) for x, y in frame_conflicts(sigs[i].frames, sigs[j].frames)
               if x.measure != "date"]
    if not clashes:
        return False
    members_i, members_j = list(group_i), list(group_j)
    for x, y in clashes:
        px, py = _periods(x, members_i, sigs), _periods(y, members_j, sigs)
        if not px or not py or any(slot_period_ok(a, b) for a in px for b in py):
            return False
    return True
