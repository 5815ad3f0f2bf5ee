"""Comparing the figures of two claims: do they state the same quantity, or contradict it?

Each figure becomes an interval in a canonical unit, widened by how precisely it was stated
("about 20%" is looser than "19.7%", "more than 10,000" is open-ended, "18–20%" is a range);
two figures of the same quantity agree when their intervals overlap and conflict when they
do not. "A fifth" ≈ "20%" ≈ "nearly 20 percent"; "110 square miles" ≈ "285 km²".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from matching.frame_dates import dates_agree, yearless_date
from matching.roles import RoleTable, default_roles
from matching.toll_counts import toll_governed

# Units folded into one canonical unit per quantity; the first element is the comparison class.
_UNIT_CLASS: dict[str, tuple[str, float]] = {
    "percent": ("percent", 1.0),
    "km2": ("area", 1.0),
    "mi2": ("area", 2.589988),
    "ha": ("area", 0.01),
    "km": ("distance", 1.0),
    "mi": ("distance", 1.609344),
    "m": ("distance", 0.001),
    "day": ("duration", 1.0),
    "week": ("duration", 7.0),
    "month": ("duration", 30.44),
    "year": ("duration", 365.25),
    "hour": ("duration", 1 / 24),
    "minute": ("duration", 1 / 1440),
}
_LOOSE_QUALIFIERS = {
    "about", "around", "approximately", "roughly", "some", "close to", "an estimated",
    "estimated",
}
# Open bounds: "more than 10,000" says nothing about how much more.
_LOWER_BOUND = {"more than", "over", "at least", "above", "exceeding", "upwards of", "hundreds of",
                "thousands of", "tens of thousands of", "dozens of"}
_UPPER_BOUND = {"less than", "under", "at most", "up to", "below", "fewer than", "no more than"}
# Near bounds: "nearly 20 percent" is a little under 20, not anything under 20.
_NEAR_BELOW = {"nearly", "almost", "just under", "just below", "slightly less than"}
_NEAR_ABOVE = {"just over", "just above", "slightly more than"}


_AGE = re.compile(r"[\s-]old\b", re.IGNORECASE)
_NUMBER_RUNS = re.compile(r"\d+(?:[.,]\d+)?(?=\s*[^\W\d_])")
_NO_ROLE: frozenset[str] = frozenset()
_TIME_FRAME = re.compile(r"(?:the\s+)?(?:past|last|previous|preceding|first|next)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One figure as an interval in a canonical unit, e.g. ('area', 'km2', 284.0, 286.0)."""

    cls: str  # comparison class: percent, area, distance, duration, count, money:usd, date
    low: float
    high: float
    text: str
    value: float | None
    date: str | None = None
    kind: str | None = None
    # What the figure is a figure of (matching.roles: "41% were against" has {"oppose"}), as
    # roles[index]; a lazy sequence works it out only when a comparison needs it (most
    # candidate pairs are dropped on their words before any figure is compared).
    roles: Sequence[frozenset[str]] | None = field(default=None, compare=False, repr=False)
    index: int = field(default=0, compare=False, repr=False)
    # The extraction's canonical qualifier ("more than", "nearly", "about", "drop" ...).
    qualifier: str | None = field(default=None, compare=False, repr=False)

    @cached_property  # worked out once: pair scoring reads it for every pair
    def open_ended(self) -> bool:
        return math.isinf(self.high) or self.low == 0.0

    @cached_property
    def role(self) -> frozenset[str]:
        roles = self.roles
        return _NO_ROLE if roles is None else roles[self.index]

    @cached_property
    def time_frame(self) -> bool:
        """A duration that is the period a claim covers ("over the past year", "in the last
        twelve months"), not a quantity it states ("a 30-day ceasefire")."""
        return self.cls == "duration" and _TIME_FRAME.match(self.text) is not None

    @cached_property
    def family(self) -> str:
        """Counts of any kind are compared with each other: "43,000 soldiers" and "a death toll
        of 43,000" are one count, only the first names what it counts."""
        return "count" if self.cls.startswith("count:") else self.cls


def _precision_slack(value: float, text: str, factor: float = 1.0) -> float:
    """Half a unit of the last stated digit, at least 1% of the value (rounding tolerance).
    ``factor`` converts the stated unit into the canonical one ("2 hours" is 2/24 day)."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch in ".,")
    if not any(ch.isdigit() for ch in digits):
        # Written in words ("one and a half percent"): as precise as the value itself.
        digits = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        decimals = len(digits.rsplit(".", 1)[1])
        step = 10.0 ** -decimals
    else:
        step = 1.0
    return max(step / 2 * factor, abs(value) * 0.01)


def _cls_and_scale(fig: Mapping[str, Any]) -> tuple[str, float] | None:
    kind = (fig.get("kind") or "").lower()
    unit = (fig.get("si_unit") or fig.get("unit") or "").lower() or None
    if kind == "date":
        return ("date", 1.0)
    if kind in ("percent", "fraction") or unit == "percent":
        return ("percent", 1.0)
    if unit in _UNIT_CLASS:
        return _UNIT_CLASS[unit]
    if kind == "money":
        return (f"money:{unit or '?'}", 1.0)
    if kind in ("count", "range"):
        return (f"count:{unit or 'n'}", 1.0)
    if kind in ("area", "distance", "duration"):
        return (kind, 1.0)
    return None


def to_quantity(
    fig: Mapping[str, Any], roles: Sequence[frozenset[str]] | None = None, index: int = 0
) -> Quantity | None:
    """The comparable interval of one extracted figure (None for figures we cannot compare)."""
    found = _cls_and_scale(fig)
    if found is None:
        return None
    cls, scale = found
    text = str(fig.get("text") or "")
    if cls == "date":
        # Without a publication date "on November 27" has no year: keep the day ("--11-27").
        date = fig.get("date") or yearless_date(text)
        if not date:
            return None
        return Quantity(cls, 0.0, 0.0, text, None, date=str(date), kind="date", roles=roles,
                        index=index)
    use_si = fig.get("si_value") is not None and fig.get("si_unit")
    raw = fig.get("si_value") if use_si else fig.get("value")
    if raw is None:
        return None
    if use_si:
        scale = _UNIT_CLASS.get(str(fig["si_unit"]).lower(), (cls, 1.0))[1]
    value = float(raw) * scale
    high_raw = fig.get("value_max")
    qualifier = (fig.get("qualifier") or "").lower().strip()
    stated = fig.get("value")
    factor = value / float(stated) if use_si and stated else 1.0
    if cls == "duration" and _AGE.search(text):
        return None  # "a 14-year-old girl": an age, no quantity the claim states
    if cls == "duration" and len(_NUMBER_RUNS.findall(text)) > 1:
        slack = abs(value) * 0.01  # "2 hours 45 minutes": to the minute, not to the hour
    else:
        slack = _precision_slack(value, text, abs(factor))
    if qualifier in _LOOSE_QUALIFIERS:
        slack = max(slack, abs(value) * 0.08)
    if high_raw is not None and not use_si:
        low, high = value - slack, float(high_raw) * scale + slack
    else:
        low, high = value - slack, value + slack
    # A bound is exact on its own side: "less than one percent" excludes 1.5%.
    if qualifier in _LOWER_BOUND:
        low, high = value, math.inf
    elif qualifier in _UPPER_BOUND:
        low, high = 0.0, value
    elif qualifier in _NEAR_BELOW:
        low, high = value * 0.88, value  # "nearly three hours" is under three hours
    elif qualifier in _NEAR_ABOVE:
        low, high = value - slack, value * 1.12
    return Quantity(cls, low, high, text, value, kind=fig.get("kind"), roles=roles, index=index,
                    qualifier=qualifier or None)


def _small_bare(q: Quantity) -> bool:
    """Small bare counts ("the two countries", "three sides") are wording, not quantities,
    unless a toll governs them (matching.toll_counts)."""
    return q.cls == "count:n" and q.value is not None and abs(q.value) <= 12


def quantities(
    figures: Sequence[Mapping[str, Any]], roles: Sequence[frozenset[str]] | None = None,
    text: str | None = None, offset: int | None = None,
) -> list[Quantity]:
    """Comparable quantities of ``figures``; ``roles`` (aligned with them) from matching.roles.
    ``text`` (and the figures' ``offset`` in it) lets a small count a toll governs count."""
    out = []
    for k, f in enumerate(figures):
        q = to_quantity(f, roles, k)
        if q is None or (_small_bare(q) and not toll_governed(text, f, offset)):
            continue
        out.append(q)
    return out


def _same_thing(a: Quantity, b: Quantity, roles: bool = True) -> bool:
    """Can these two figures be figures of one quantity? Counts of two named kinds ("soldiers"
    and "tanks") cannot, nor figures whose roles contrast ("backed" and "against")."""
    if a.cls != b.cls and a.cls != "count:n" and b.cls != "count:n":
        return False
    if not roles:
        return True
    ra, rb = a.role, b.role
    if not ra or not rb:
        return True
    return not _role_table().incompatible(ra, rb, dates=a.cls == "date")


def _role_table() -> RoleTable:
    return default_roles()


# A claim whose figures are only dates (and durations, which are wording: "after sixteen hours
# of talks") is a claim about the date.
_ABOUT_DATE = frozenset({"date", "duration"})


def _dates_agree(a: str, b: str) -> bool:
    """'2015-02' agrees with '2015-02-12'; '2015-02-11' does not agree with '2015-02-12'."""
    return dates_agree(a, b)


def _agree(a: Quantity, b: Quantity) -> bool:
    if a.cls == "date":
        return _dates_agree(a.date or "", b.date or "")
    return a.low <= b.high and b.low <= a.high


def _distance(a: Quantity, b: Quantity) -> float:
    if a.cls == "date":
        return 0.0 if _dates_agree(a.date or "", b.date or "") else 1.0
    mid_a = a.value if a.value is not None else a.low
    mid_b = b.value if b.value is not None else b.low
    return abs(mid_a - mid_b) / max(abs(mid_a), abs(mid_b), 1e-9)


@dataclass(frozen=True)
class FigureComparison:
    agreements: tuple[tuple[Quantity, Quantity], ...]
    conflicts: tuple[tuple[Quantity, Quantity], ...]
    unpaired: int  # figures of one claim with no counterpart of the same class in the other
    # Classes held by both claims whose figures are all of different things (by role or by
    # what they count): "58% for talks" vs "50% for a ceasefire".
    other_quantities: tuple[str, ...] = ()
    # A figure's role kept two figures of one class apart: without roles (``compare(...,
    # roles=False)``) the comparison could come out otherwise; when False it is the same.
    roles_kept_apart: bool = field(default=False, compare=False)

    @property
    def has_conflict(self) -> bool:
        return bool(self.conflicts)

    def explain(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "figures_agree": [[a.text, b.text] for a, b in self.agreements],
            "figures_differ": [[a.text, b.text] for a, b in self.conflicts],
        }
        if self.other_quantities:
            out["figures_of_other_things"] = list(self.other_quantities)
        return out


def compare(
    a: Sequence[Quantity], b: Sequence[Quantity], roles: bool = True
) -> FigureComparison:
    """Pair the figures of two claims class by class (nearest values first) and judge each pair.

    A date that differs only counts as a conflict when dates are all the claims state (the
    claim is *about* the date, e.g. when Minsk II was signed); next to other figures a date is
    their time frame, and another time frame makes another claim, not a contradiction.
    ``roles=False`` skips the figures' roles (the caller knows they cannot contrast: see
    matching.roles.roles_may_differ), which saves working them out.
    """
    if not a or not b:
        return FigureComparison((), (), len(a) + len(b))
    by_cls_a: dict[str, list[Quantity]] = {}
    by_cls_b: dict[str, list[Quantity]] = {}
    for q in a:
        by_cls_a.setdefault(q.family, []).append(q)
    for q in b:
        by_cls_b.setdefault(q.family, []).append(q)
    classes = by_cls_a.keys() | by_cls_b.keys()
    only_dates = "date" in classes and classes <= _ABOUT_DATE
    agreements: list[tuple[Quantity, Quantity]] = []
    conflicts: list[tuple[Quantity, Quantity]] = []
    unpaired = 0
    other: list[str] = []
    kept_apart = False
    for cls in sorted(classes):
        left = by_cls_a.get(cls, [])
        right = by_cls_b.get(cls, [])
        if not left or not right:
            unpaired += len(left) + len(right)
            continue
        if len(left) == 1 and len(right) == 1:  # the common case, without the sort
            same = _same_thing(left[0], right[0], roles)
            kept_apart = kept_apart or (not same and roles and _same_thing(left[0], right[0],
                                                                           False))
            matched = [(left[0], right[0])] if same else []
        else:
            candidates = [(i, x, j, y) for i, x in enumerate(left) for j, y in enumerate(right)
                          if _same_thing(x, y, False)]
            ranked = sorted((_distance(x, y), i, j) for i, x, j, y in candidates
                            if not roles or _same_thing(x, y, roles))
            kept_apart = kept_apart or len(ranked) < len(candidates)
            used_l: set[int] = set()
            used_r: set[int] = set()
            matched = []
            for _, i, j in ranked:
                if i not in used_l and j not in used_r:
                    used_l.add(i)
                    used_r.add(j)
                    matched.append((left[i], right[j]))
        for x, y in matched:
            if _agree(x, y):
                agreements.append((x, y))
            elif (cls != "date" or only_dates) and not (x.time_frame and y.time_frame):
                conflicts.append((x, y))
            # else: another time frame (see time_frames_differ), neither agreement nor conflict
        if not matched and (cls not in _ABOUT_DATE or (cls == "date" and only_dates)):
            other.append(cls)
        unpaired += len(left) + len(right) - 2 * len(matched)
    return FigureComparison(tuple(agreements), tuple(conflicts), unpaired, tuple(other),
                            kept_apart)


def time_frames_differ(a: Sequence[Quantity], b: Sequence[Quantity]) -> bool:
    """Both claims carry dates next to other figures, and no date of one agrees with the other;
    or both state the period they cover ("the past month" / "the past year"), differently."""
    pa = [q for q in a if q.time_frame]
    pb = [q for q in b if q.time_frame]
    if pa and pb and not any(_agree(x, y) for x in pa for y in pb):
        return True
    da = [q for q in a if q.cls == "date"]
    db = [q for q in b if q.cls == "date"]
    if not da or not db:
        return False
    if all(q.cls in _ABOUT_DATE for q in (*a, *b)):
        return False  # a claim about a date: handled as a conflict by compare()
    return not any(_dates_agree(x.date or "", y.date or "") for x in da for y in db)
