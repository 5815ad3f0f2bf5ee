"""The value interval of a figure in a claim frame: from its stated precision, its qualifier
("more than", "nearly", "about") and its rounding."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.figures import Quantity

_DIGITS = re.compile(r"\d[\d.,\s\u00a0\u202f\u2009]*")
# Extraction's canonical qualifiers (extraction.figures.patterns), by the side they bound.
OPEN_BELOW = frozenset({"more than"})  # "more than 3 hours" excludes 3 hours itself
CLOSED_BELOW = frozenset({"at least"})
OPEN_ABOVE = frozenset({"less than", "nearly"})  # "nearly 3 hours", "under 3 hours": below 3 h
CLOSED_ABOVE = frozenset({"up to"})
# A round figure ("1,000", "6,000", "300") says its value to within this share at most.
ROUND_SHARE = 0.005
# "more than X" / "at least X" reaches at least this share above X (see lower_bound_reach).
FLOOR_REACH = 0.1


@dataclass(frozen=True)
class Stated:
    """How a figure's digits were written: the value in the figure's own unit, its decimals, and
    the factor to the canonical unit and scale ("3.5 million" -> 3.5, 1, 1e6)."""

    raw: float
    decimals: int
    factor: float

    @property
    def trailing_zeros(self) -> int:
        if self.decimals or self.raw <= 0 or self.raw != int(self.raw):
            return 0
        n, zeros = int(self.raw), 0
        while n % 10 == 0:
            n //= 10
            zeros += 1
        return zeros


def stated_digits(q: Quantity) -> Stated | None:
    """The digits of a figure as written, or None (written in words, or not one number)."""
    return _stated_digits(q.value, q.text)


@lru_cache(maxsize=1 << 12)
def _stated_digits(v: float | None, text: str) -> Stated | None:
    """stated_digits of a value and its text: a frame reads them up to five times."""
    if v is None or v <= 0:
        return None
    found = _DIGITS.search(text)
    if found is None:
        return None
    digits = "".join(found.group(0).split()).rstrip(".,")
    # A single separator followed by one or two digits is a decimal point ("43,9", "3.5");
    # followed by three it groups thousands ("1,381", "3.800").
    decimals = 0
    for sep in (".", ","):
        if digits.count(sep) == 1 and 1 <= len(digits.split(sep)[1]) <= 2:
            decimals = len(digits.split(sep)[1])
    try:
        if decimals:
            raw = float(digits[: -decimals - 1].replace(",", "").replace(".", "") + "."
                        + digits[-decimals:])
        else:
            raw = float(digits.replace(",", "").replace(".", ""))
    except ValueError:
        return None
    if raw <= 0:
        return None
    return Stated(raw, decimals, v / raw)


def _is_scale(factor: float) -> bool:
    """A factor that is a scale word ("million", "milyon", "млрд"): a power of ten."""
    if factor < 999:
        return 0.999 < factor < 1.001
    exp = round(math.log10(factor))
    return abs(factor / 10.0 ** exp - 1.0) < 1e-6


def _stated_or_words(q: Quantity) -> Stated | None:
    """The digits as written; for a count or a share in words ("Seventy percent", "five
    million") the value itself, which words state exactly."""
    st = stated_digits(q)
    if st is not None:
        return st
    v = q.value
    if v is None or v <= 0 or v != int(v) or not (q.cls == "percent" or q.family == "count"):
        return None
    zeros = Stated(v, 0, 1.0).trailing_zeros
    scale = 10.0 ** (zeros - zeros % 3) if v >= 1000 else 1.0  # "five million": 5 x 1e6
    return Stated(v / scale, 0, scale)


def last_digit_unit(q: Quantity) -> float | None:
    """One unit of the last non-zero digit stated, in the canonical unit: "6,000" 1,000,
    "4 million" 1 million, "41" 1, "7.1 million" 100,000; None when not known."""
    st = _stated_or_words(q)
    if st is None or not _is_scale(st.factor):
        return None
    return 10.0 ** (st.trailing_zeros - st.decimals) * st.factor


def round_tolerance(q: Quantity) -> float:
    """How far a round figure may be from its value, in the canonical unit: a figure whose
    digits end in two or more zeros ("1,000 km²", "300 killed", "600,000 troops") is rounded, to
    half a unit of its last non-zero digit but at most ROUND_SHARE of the value; others ("310",
    "50", "three hours", "19,546") are as precise as their last digit, 0 here."""
    st = stated_digits(q)
    if st is None or st.trailing_zeros < 2 or not _is_scale(st.factor):
        return 0.0
    v = q.value or 0.0
    return min(0.5 * 10.0 ** st.trailing_zeros * st.factor, ROUND_SHARE * v)


def stated_precision(q: Quantity) -> tuple[float, float]:
    """The interval of a plainly stated value from its last stated digit: "43.9%" is
    [43.85, 43.95], "805" [804.5, 805.5], "3.5 million" [3.45 m, 3.55 m], and a round figure
    to within its rounding ("1,000 km²" [975, 1,025]: see round_tolerance). Intervals that
    matching.figures already widened (a loose or bounding qualifier, a range, a unit
    conversion) are kept as they are."""
    v = q.value
    if v is None or q.cls == "date" or math.isinf(q.high) or q.low <= 0 or v <= 0:
        return q.low, q.high
    ends = range_ends(q)
    if ends is not None:
        return ends
    if (q.high - q.low) > 0.0201 * abs(v) + 1.0 or abs((q.low + q.high) / 2 - v) > 1e-6 * v:
        return q.low, q.high  # widened or asymmetric: a qualifier, a range or a bound
    if q.qualifier in OPEN_ABOVE | CLOSED_ABOVE | OPEN_BELOW | CLOSED_BELOW:
        return q.low, q.high
    st = _stated_or_words(q)
    if st is None or not _is_scale(st.factor):
        return q.low, q.high  # in words with a scale, or a converted unit: keep
    if st.factor > 1.001 and stated_digits(q) is None:
        return q.low, q.high  # "five million" in words: keep the tolerance
    half = max(0.5 * 10.0 ** -st.decimals * st.factor, 1e-6 * abs(v), round_tolerance(q))
    return v - half, v + half


_RANGE_JOIN = re.compile(r"^\s*(?:[–—-]|to|and|until|till|до|і|и|та)\s*$", re.IGNORECASE)


def range_ends(q: Quantity) -> tuple[float, float] | None:
    """The interval a range states, from its first figure to its last ("between 13,200 and
    13,400" is [13,200, 13,400], "3 to 4 million" [3 m, 4 m]), each end within its rounding;
    None when the figure is no range of two numbers."""
    if q.kind != "range" or not q.text or q.value is None or q.value <= 0:
        return None
    found = list(_DIGITS.finditer(q.text))
    if len(found) != 2 or not _RANGE_JOIN.match(q.text[found[0].end():found[1].start()]):
        return None
    first = stated_digits(q)
    if first is None or not _is_scale(first.factor):
        return None
    second = stated_digits(dataclasses.replace(q, text=found[1].group(0)))
    if second is None:
        return None
    low, high = q.value, second.raw * first.factor
    if high <= low:
        return None
    return (low - round_tolerance(q),
            high + round_tolerance(dataclasses.replace(q, text=found[1].group(0), value=high)))


@dataclass(frozen=True)
class Bounds:
    """A value read literally: its lowest and highest possible values, and whether the
    figure excludes that end itself ("more than 3 hours" excludes 3 hours)."""

    low: float
    high: float
    open_low: bool = False
    open_high: bool = False


def literal_bounds(q: Quantity, low: float, high: float) -> Bounds:
    """The literal reading of a figure whose soft interval is [low, high]: a bound is exact on
    its own side ("less than two hours" is below 2 h, "more than three hours" above 3 h,
    "nearly three hours" below 3 h) and excludes its value itself, unless the figure is round
    ("almost 6,000" and "more than 6,000" may both be said of 6,000: see round_tolerance)."""
    v, qual = q.value, q.qualifier
    if v is None or qual is None:
        return Bounds(low, high)
    exact = round_tolerance(q) == 0.0
    if qual in OPEN_BELOW or qual in CLOSED_BELOW:
        return Bounds(v, math.inf, open_low=qual in OPEN_BELOW and exact)
    if qual in OPEN_ABOVE or qual in CLOSED_ABOVE:
        return Bounds(low if qual == "nearly" else 0.0, v, open_high=qual in OPEN_ABOVE and exact)
    return Bounds(low, high)


def lower_bound_reach(q: Quantity, reach: float) -> float:
    """How high "more than X" goes: below the next value of its last stated digit ("more
    than 4 million" is under 5 million, "more than 6,000" under 7,000), but at least
    FLOOR_REACH above X (a count's floor stated to its last digit, "at least 3,390", says
    nothing of its tens: it reaches 3,729, not 3,400), and never beyond ``reach`` times X."""
    v = q.value or 0.0
    unit = last_digit_unit(q)
    return v * reach if unit is None else min(v * reach, v + max(unit, FLOOR_REACH * v))


def soft_high(q: Quantity, high: float) -> float:
    """The soft upper end of a figure bounded from above: at its value ("nearly three hours"
    is under 3 h), or within the rounding of a round one ("almost 6,000" may be 6,050)."""
    if q.value is None or q.qualifier not in OPEN_ABOVE | CLOSED_ABOVE:
        return high
    return q.value + round_tolerance(q)

