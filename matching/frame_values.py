"""The value interval of a figure in a claim frame: from its stated precision, its qualifier
("more than", "nearly", "about") and its rounding."""

from __future__ import annotations

import math
import re

from matching.figures import Quantity

NEAR_BELOW = ("nearly", "almost", "just under", "just below", "close to", "почти", "майже",
               "близько", "около", "quasi", "casi", "fast")
NEAR_ABOVE = ("just over", "just above", "slightly more")


_SCALE = (("trillion", 1e12), ("billion", 1e9), ("bn", 1e9), ("млрд", 1e9), ("мільярд", 1e9),
          ("миллиард", 1e9), ("miliard", 1e9), ("milliard", 1e9), ("million", 1e6),
          ("mln", 1e6), ("млн", 1e6), ("мільйон", 1e6), ("миллион", 1e6), ("milion", 1e6),
          ("millón", 1e6), ("milioni", 1e6), ("thousand", 1e3), ("тис", 1e3), ("тыс", 1e3))
_DIGITS = re.compile(r"\d[\d.,\s]*")


def stated_precision(q: Quantity) -> tuple[float, float]:
    """The interval of a plainly stated value from its last stated digit: "43.9%" is
    [43.85, 43.95], "805" [804.5, 805.5], "3.5 million" [3.45 m, 3.55 m]. Intervals that
    matching.figures already widened (a loose or bounding qualifier, a range, a unit
    conversion) are kept as they are."""
    v = q.value
    if v is None or q.cls == "date" or math.isinf(q.high) or q.low <= 0 or v <= 0:
        return q.low, q.high
    if (q.high - q.low) > 0.0201 * abs(v) + 1.0 or abs((q.low + q.high) / 2 - v) > 1e-6 * v:
        return q.low, q.high  # widened or asymmetric: a qualifier, a range or a bound
    head = q.text.casefold()
    if head.startswith(NEAR_BELOW + NEAR_ABOVE):
        return q.low, q.high
    found = _DIGITS.search(q.text)
    if found is None:
        return q.low, q.high  # written in words ("seventy percent"): keep the tolerance
    digits = found.group(0).strip().replace(" ", "")
    # A single separator followed by one or two digits is a decimal point ("43,9", "3.5");
    # followed by three it groups thousands ("1,381", "3.800").
    decimals = 0
    for sep in (".", ","):
        if digits.count(sep) == 1 and 1 <= len(digits.split(sep)[1]) <= 2:
            decimals = len(digits.split(sep)[1])
    scale = next((f for word, f in _SCALE if word in head), 1.0)
    try:
        raw = float(digits.replace(",", "").replace(".", "")) if decimals == 0 else None
    except ValueError:
        return q.low, q.high
    unit_scale = v / (raw * scale) if raw else 1.0  # a converted unit (square miles -> km²)
    if raw is not None and not (0.999 < unit_scale < 1.001):
        return q.low, q.high
    half = 0.5 * 10.0 ** -decimals * scale
    half = max(half, 1e-3 * abs(v))
    return v - half, v + half


