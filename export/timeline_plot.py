"""One measure's timeline as plain numbers (axes, ticks, outlet markers, reference bands): what the
window's chart and the PDF briefing both draw, so they agree. No Qt, no reportlab."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

# Marker shapes, cycled per outlet (with a colour), so outlets differ by more than colour alone.
SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "down", "cross")
# Okabe–Ito colours (told apart by most colour-blind readers); a darker and a lighter set so the
# markers read on white paper and on a dark window alike.
LIGHT_COLOURS: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8F6A00",
                                  "#56B4E9", "#5B5B5B", "#B8860B")
DARK_COLOURS: tuple[str, ...] = ("#56B4E9", "#FF8C42", "#2BD4A0", "#E69FD0", "#F0E442",
                                 "#9AD0F5", "#D0D0D0", "#FFC857")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SUFFIX = {"percent": " %", "area": " km²", "distance": " km", "duration": " days"}


class PointLike(Protocol):
    """What a timeline point needs to offer (storage.measures.TimelinePoint does)."""

    claim_id: int
    date: dt.date | None
    value: float | None
    low: float
    high: float
    outlet: str
    sentence: str
    conflicting: bool


class ReferenceLike(Protocol):
    """What a reference figure needs to offer (storage.measures.Reference does)."""

    value: float | None
    low: float
    high: float
    as_of: dt.date
    source_title: str


class PlotPoint(NamedTuple):  # a tuple: 5,000 of them are made per drawing, cheaply
    claim_id: int
    x: float  # the day, as a proleptic ordinal
    y: float  # the stated value (the middle of its interval when only the interval is known)
    low: float  # the interval, clipped to the plot; open_low/open_high when it went further
    high: float
    open_low: bool
    open_high: bool
    outlet: str
    style: int  # index into the outlet styles (shape and colour)
    conflicting: bool
    sentence: str
    date: dt.date
    stated: tuple[float | None, float, float]  # value, low, high as the claim states them

    def label(self, unit: str) -> str:
        """The value as a person reads it ("19 %", "17.5 % – 18.5 %", "≥ 14,000"); made on
        demand, as 5,000 of them would cost more than drawing the points."""
        value, low, high = self.stated
        return _interval_text(low, high, value, unit)


@dataclass(frozen=True)
class RefBand:
    """A reference figure, valid from its as-of date until the next one (or the plot's end)."""

    x0: float
    x1: float
    low: float
    high: float
    value: float | None
    label: str


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class TimelinePlot:
    points: tuple[PlotPoint, ...]
    bands: tuple[RefBand, ...]
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    outlets: tuple[tuple[str, int], ...]  # (outlet, style), the most frequent first
    undated: int  # points left out: no date or no value
    unit: str

    @property
    def empty(self) -> bool:
        return not self.points

    @property
    def blank(self) -> bool:
        """Nothing to draw: no dated value and no reference figure (no axes either)."""
        return not self.points and not self.bands

    def blank_text(self) -> str:
        """What a blank chart says instead of drawing empty axes."""
        if self.undated:
            many = self.undated != 1
            return (f"No values to draw: {self.undated} claim{'s' if many else ''} of this "
                    f"measure {'have' if many else 'has'} no date or no value.")
        return "No values to draw: no claim states a value of this measure."

    def dated_values(self) -> int:
        return len(self.points)


def shape_of(style: int) -> str:
    return SHAPES[style % len(SHAPES)]


def colour_of(style: int, dark: bool = False) -> str:
    colours = DARK_COLOURS if dark else LIGHT_COLOURS
    return colours[style % len(colours)]


def format_value(value: float, unit: str) -> str:
    """An axis or tooltip value as a person reads it ("19 %", "14,000", "2015-02-12")."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    if unit == "date":
        try:
            return dt.date.fromordinal(round(value)).isoformat()
        except (ValueError, OverflowError):
            return ""
    shown = f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    if "e" in shown:  # 4g switches to exponent notation past 10^4; written out instead
        shown = f"{value:,.0f}"
    if unit.startswith("money:"):
        return f"{shown} {unit.split(':', 1)[1].upper()}"
    return shown + _SUFFIX.get(unit, "")


def _interval_text(low: float, high: float, value: float | None, unit: str) -> str:
    if value is not None and math.isfinite(value) and low == high == value:
        return format_value(value, unit)
    if math.isfinite(low) and math.isfinite(high):
        return f"{format_value(low, unit)} – {format_value(high, unit)}"
    if math.isfinite(low):
        return f"≥ {format_value(low, unit)}"
    if math.isfinite(high):
        return f"≤ {format_value(high, unit)}"
    return ""


def nice_step(span: float, most: int) -> float:
    """A 1-2-5 step giving at most ``most`` intervals over ``span``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(most, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def value_ticks(lo: float, hi: float, unit: str, most: int = 6) -> tuple[tuple[Tick, ...], float, float]:
    """Ticks for the value axis and the axis limits rounded out to them."""
    if unit == "date":
        ticks = date_ticks(lo, hi, most)
        return ticks, lo, hi
    step = nice_step(hi - lo, most)
    start = math.floor(lo / step) * step
    end = math.ceil(hi / step) * step
    n = round((end - start) / step)
    ticks = tuple(Tick(start + i * step, format_value(start + i * step, unit)) for i in range(n + 1))
    return ticks, start, end


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def date_ticks(x0: float, x1: float, most: int = 7) -> tuple[Tick, ...]:
    """Ticks on the first of a month (years when the span is long), at most ``most``."""
    first = dt.date.fromordinal(max(1, math.floor(x0)))
    last = dt.date.fromordinal(max(1, math.ceil(x1)))
    months = _month_index(last) - _month_index(first) + 1
    if x1 - x0 <= 75 or months <= 2:  # a couple of months at most: days
        days = next((s for s in (1, 2, 5, 7, 14) if (x1 - x0) / s <= most), 30)
        out = []
        d = math.ceil(x0)
        while d <= x1:
            day = dt.date.fromordinal(d)
            out.append(Tick(float(d), f"{day.day} {_MONTHS[day.month - 1]} {day.year}"))
            d += days
        return tuple(out)
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 240) if months / s <= most), 600)
    start = _month_index(first) + 1  # the first of the month after the plot's start
    start += (-start) % step  # on round months: Jan/Apr/Jul/Oct, January of even years…
    out = []
    m = start
    while m <= _month_index(last):
        day = dt.date(m // 12, m % 12 + 1, 1)
        o = float(day.toordinal())
        if x0 <= o <= x1:
            label = str(day.year) if step >= 12 else f"{_MONTHS[day.month - 1]} {day.year}"
            out.append(Tick(o, label))
        m += step
    return tuple(out)


def _finite(*values: float | None) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def _dodge(points: list[PlotPoint], step: float) -> list[PlotPoint]:
    """Points with the same day and value side by side (a hair apart), not hidden under each
    other: two outlets stating one figure on one day are two markers."""
    same = Counter((p.x, p.y) for p in points)
    if all(n == 1 for n in same.values()):
        return points
    seen: Counter[tuple[float, float]] = Counter()
    out = []
    for p in points:
        n = same[(p.x, p.y)]
        if n > 1:
            k = seen[(p.x, p.y)]
            seen[(p.x, p.y)] += 1
            p = p._replace(x=p.x + (k - (n - 1) / 2) * step)
        out.append(p)
    return out


def build_plot(points: Sequence[PointLike | Any], references: Sequence[ReferenceLike | Any] = (),
               unit: str = "") -> TimelinePlot:
    """Lay out ``points`` (dated claims of one measure) and ``references`` for drawing."""
    usable = []
    undated = 0
    for p in points:
        y = p.value if p.value is not None and math.isfinite(p.value) else None
        if y is None:  # only an interval: its middle, or its one known end ("over 14,000")
            ends = _finite(p.low, p.high)
            y = sum(ends) / len(ends) if ends else None
        if p.date is None or y is None:
            undated += 1
            continue
        usable.append((p, y))
    counts = Counter(p.outlet for p, _y in usable)
    order = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
    styles = {outlet: i for i, outlet in enumerate(order)}

    xs = [float(p.date.toordinal()) for p, _y in usable]
    refs = sorted(references, key=lambda r: r.as_of)
    xs += [float(r.as_of.toordinal()) for r in refs]
    if xs:
        x_lo, x_hi = min(xs), max(xs)
    else:
        today = float(dt.date.today().toordinal())
        x_lo, x_hi = today - 365, today
    pad = max((x_hi - x_lo) * 0.04, 15.0)
    x_lo, x_hi = x_lo - pad, x_hi + pad

    ys: list[float] = []
    for p, y in usable:
        ys += _finite(y, p.low, p.high)
    for r in refs:
        ys += _finite(r.value, r.low, r.high)
    if ys:
        y_lo, y_hi = min(ys), max(ys)
    else:
        y_lo, y_hi = 0.0, 1.0
    if y_hi - y_lo < 1e-9:
        spread = abs(y_hi) * 0.1 or 1.0
        y_lo, y_hi = y_lo - spread, y_hi + spread
    if unit not in ("date",) and y_lo >= 0 and y_lo < (y_hi - y_lo) * 0.6:
        y_lo = 0.0  # counts and shares start at zero unless that squeezes the points flat
    margin = (y_hi - y_lo) * 0.05
    if unit == "date":
        y_lo, y_hi = y_lo - max(margin, 10), y_hi + max(margin, 10)
    y_ticks, y_min, y_max = value_ticks(y_lo if y_lo != 0 else 0.0, y_hi + margin, unit)

    plotted = []
    for p, y in usable:
        low = p.low if math.isfinite(p.low) else y_min
        high = p.high if math.isfinite(p.high) else y_max
        plotted.append(PlotPoint(
            claim_id=p.claim_id, x=float(p.date.toordinal()), y=y,
            low=max(min(low, y), y_min), high=min(max(high, y), y_max),
            open_low=not math.isfinite(p.low), open_high=not math.isfinite(p.high),
            outlet=p.outlet, style=styles[p.outlet], conflicting=bool(p.conflicting),
            sentence=p.sentence, date=p.date, stated=(p.value, p.low, p.high)))
    plotted.sort(key=lambda q: (q.x, q.claim_id))
    plotted = _dodge(plotted, (x_hi - x_lo) * 0.012)

    bands = []
    for i, r in enumerate(refs):
        x0 = float(r.as_of.toordinal())
        x1 = float(refs[i + 1].as_of.toordinal()) if i + 1 < len(refs) else x_hi
        if unit == "date":  # a date measure's reference holds for every claim
            x0, x1 = x_lo, x_hi
        low = r.low if math.isfinite(r.low) else y_min
        high = r.high if math.isfinite(r.high) else y_max
        bands.append(RefBand(x0, x1, low, high, r.value,
                             f"{r.source_title}: {_interval_text(r.low, r.high, r.value, unit)}"
                             f" (as of {r.as_of.isoformat()})"))
    return TimelinePlot(
        points=tuple(plotted), bands=tuple(bands), x_min=x_lo, x_max=x_hi, y_min=y_min,
        y_max=y_max, x_ticks=date_ticks(x_lo, x_hi), y_ticks=y_ticks,
        outlets=tuple((o, styles[o]) for o in order), undated=undated, unit=unit)


# Legend entries besides the outlets' own styles (which are >= 0).
LEGEND_CONFLICT, LEGEND_REFERENCE, LEGEND_MORE = -1, -2, -3


def legend_rows(plot: TimelinePlot, width: float, entry_width: Callable[[str], float],
                most: int) -> list[list[tuple[str, int, float]]]:
    """The legend laid out in rows no wider than ``width``: (text, style, x offset) per entry.
    ``most`` outlets are named, the rest counted; ``entry_width`` is one entry's whole width
    (marker, text and gap) in the renderer's units. The window and the PDF share it."""
    items = list(plot.outlets[:most])
    if len(plot.outlets) > most:
        items.append((f"+{len(plot.outlets) - most} more outlets", LEGEND_MORE))
    if any(p.conflicting for p in plot.points):
        items.append(("conflicting figure", LEGEND_CONFLICT))
    if plot.bands:
        items.append(("reference figure", LEGEND_REFERENCE))
    rows: list[list[tuple[str, int, float]]] = [[]]
    x = 0.0
    for text, style in items:
        w = entry_width(text)
        if x + w > width and rows[-1]:
            rows.append([])
            x = 0.0
        rows[-1].append((text, style, x))
        x += w
    return rows if rows[0] else []
