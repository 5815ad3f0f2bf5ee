"""The slot of two claims' values: which contradictions are conflicts (same measure, period,
place and actor, values apart)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matching.frames import Frame, measures_compatible, period_distance_days

# Two known periods of one conflict may be this many days apart (the same statement reported
# a few days later), and must lie in one month: the banner names one period for both sides.
SLOT_PERIOD_DAYS = 7

# Bounds that exclude their own value: "just under three hours" is below 3, "over three
# hours" above it. Read so only for small values (a duration, or under 100): "almost 6,000"
# and "more than 6,000" km² are two roundings of one figure.
_BELOW = ("just under", "just below", "under", "nearly", "almost", "close to", "less than",
          "fewer than", "почти", "майже", "менее", "менше")
_ABOVE = ("just over", "just above", "over", "more than", "above", "понад", "более", "больше",
          "більше")
SMALL_BOUND = 100.0


def slot_period_ok(x: Frame, y: Frame) -> bool:
    """The two values are of one period as far as the claims tell: both periods unknown or one
    unknown (the as-of date could be the same), or both known in one month and at most
    SLOT_PERIOD_DAYS apart. A conflict across different periods is not a conflict."""
    if not x.period or not y.period:
        return True
    if x.measure == "date":
        return True  # the dates are the values
    days = period_distance_days(x, y)
    return x.period[:7] == y.period[:7] and days is not None and days <= SLOT_PERIOD_DAYS


def _small(f: Frame) -> bool:
    return f.measure == "duration" or 0 < f.hard_low < SMALL_BOUND or 0 < f.hard_high < SMALL_BOUND


def opposite_bounds(a: Sequence[Frame], b: Sequence[Frame]) -> list[tuple[Frame, Frame]]:
    """Frames of one measure stated as bounds on either side of one small value ("just under
    three hours" / "more than three hours"): they cannot both be right."""
    out = []
    for x in a:
        for y in b:
            if x.cls != y.cls or not measures_compatible(x.measure, y.measure):
                continue
            if x.measure == "date" or not (_small(x) and _small(y)):
                continue
            hx, hy = x.text.casefold().strip(), y.text.casefold().strip()
            for lo, hi, lo_head, hi_head in ((x, y, hx, hy), (y, x, hy, hx)):
                if (lo_head.startswith(_BELOW) and hi_head.startswith(_ABOVE)
                        and math.isfinite(lo.hard_high) and lo.hard_high <= hi.hard_low):
                    out.append((x, y))
                    break
    return out


def slot_contradictions(a: Sequence[Frame], b: Sequence[Frame],
                        contradictions: Sequence[tuple[Frame, Frame]]) -> list[tuple[Frame, Frame]]:
    """The contradictions that make a conflict: of one period (slot_period_ok), plus bounds on
    either side of one value."""
    found = [(x, y) for x, y in contradictions if slot_period_ok(x, y)]
    found += [p for p in opposite_bounds(a, b) if p not in found and slot_period_ok(*p)]
    return found
