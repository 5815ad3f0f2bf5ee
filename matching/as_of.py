"""Figures of one measure whose sentences both mark the day they are as of ("as of 28 November",
"by 6 December": matching.frames.Frame.as_of_marked), and the days differ: two readings of a
count, two claims, never one claim and never a conflict, whatever their values; and a group
may never hold both (so a vague value cannot bridge them)."""

from __future__ import annotations

from collections.abc import Sequence

from matching.frames import Frame, compare_frames
from matching.slot import as_of_days_apart


def _stated_periods(frames: Sequence[Frame]) -> set[str]:
    return {f.period for f in frames if f.measure != "date" and f.as_of_marked and f.period}


def _apart(x: Frame, y: Frame) -> bool:
    days = as_of_days_apart(x, y)
    return days is not None and days > 0


def stated_dates_apart(same_measure: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """Pairs of one measure (as matching.frames.compare_frames pairs them) whose as-of days
    are both marked in the sentences and do not overlap ("as of 28 November" and "by 6
    December"). A date of another role (when a count began, the day an event happened, the
    day a figure was released) is no as-of mark: "released on 31 March" may report a count
    as of 30 March."""
    return [(x, y) for x, y in same_measure
            if x.measure != "date" and x.as_of_marked and y.as_of_marked and _apart(x, y)]


def as_of_apart(a: Sequence[Frame], b: Sequence[Frame]) -> bool:
    """Two claims' frames state different as-of dates for a measure both give (a cheap look
    at the stated dates first: most pairs state none, or the same one)."""
    pa, pb = _stated_periods(a), _stated_periods(b)
    if not pa or not pb or pa == pb:
        return False
    return bool(stated_dates_apart(compare_frames(a, b).same_measure))


def readings_apart(same_measure: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """Pairs of one measure whose values do not overlap, even read loosely, both dated in
    their sentences on different days ("the strike on 10 January killed 3" and "officials
    said on 11 January that 4 had now died"; "thousands had left, officials said on 14
    October" and "some 3,300 had left, they said on 26 October"): two readings of a running
    count, two claims, as precise values apart in two periods are (a value that agrees with
    the other reading is left to the model: one toll may be dated by its event or by its
    report)."""
    return [(x, y) for x, y in same_measure
            if x.measure != "date" and x.period_stated and y.period_stated
            and not x.overlaps(y) and _apart(x, y)]


def update_readings(same_measure: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """Pairs of one measure where one sentence says a count rose since an event it dates, as of
    a later day ("the toll from the 6 May strike rose to 10 on 7 May", "by 7 May the number
    killed in the 6 May attack had climbed to 10") and the other gives the count on that
    event's day ("nine were killed when a missile hit Orikhiv on 6 May"): a first report and
    its update, two claims whatever their values (a vague first toll may agree with the
    update). A report that does not say the count rose ("said on 4 March that 7 had died in
    the 3 March shelling") is left to the model: one toll may be dated by event or report."""
    return [(x, y) for x, y in same_measure
            if x.measure != "date" and (_update_of(x, y) or _update_of(y, x))]


def _update_of(later: Frame, first: Frame) -> bool:
    return (later.as_of_marked and later.event_day is not None and first.period_stated
            and not first.as_of_marked and first.period == later.event_day
            and later.period != first.period)

