"""A measure's timeline drawn with reportlab graphics: for the PDF briefing and as an SVG file.

Every claim is a point at its date with its value interval as an error bar; outlets get a
shape each (colour-blind safe: shape and colour both differ), conflicting points are ringed in
red, the reference figures are shaded bands from their as-of date on. Date measures (the
day an agreement was signed) put the stated day on the y axis.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors

from export.fonts import BOLD, REGULAR, register_fonts
from export.paths import atomic_output
from storage.measures import Reference, TimelinePoint

# Okabe–Ito colours (safe for the common colour blindnesses) and one shape each.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
SHAPES = ("circle", "square", "triangle", "diamond")
CONFLICT = colors.HexColor("#C00000")
MAX_LEGEND = 8


def _marker(shape: str, x: float, y: float, r: float, fill: colors.Color) -> Group:
    g = Group()
    if shape == "square":
        g.add(Rect(x - r, y - r, 2 * r, 2 * r, fillColor=fill, strokeColor=colors.white,
                   strokeWidth=0.4))
    elif shape == "triangle":
        g.add(Polygon([x - r, y - r, x + r, y - r, x, y + r], fillColor=fill,
                      strokeColor=colors.white, strokeWidth=0.4))
    elif shape == "diamond":
        g.add(Polygon([x, y - r, x + r, y, x, y + r, x - r, y], fillColor=fill,
                      strokeColor=colors.white, strokeWidth=0.4))
    else:
        g.add(Circle(x, y, r, fillColor=fill, strokeColor=colors.white, strokeWidth=0.4))
    return g


def _ticks(low: float, high: float, n: int = 5) -> list[float]:
    if high <= low:
        return [low]
    step = 10 ** math.floor(math.log10((high - low) / n))
    for m in (1, 2, 5, 10):
        if (high - low) / (step * m) <= n:
            step *= m
            break
    first = math.ceil(low / step) * step
    return [first + k * step for k in range(int((high - first) / step) + 1)]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date_ticks(x0: float, x1: float, most: int = 7) -> list[tuple[int, str]]:
    """Ticks on the date axis: years, or months ("Mar 2025") when the span is short."""
    first, last = dt.date.fromordinal(int(x0)), dt.date.fromordinal(int(x1))
    if (last - first).days < 62:
        step = next((s for s in (1, 2, 5, 7, 14, 31) if (last - first).days / s <= most), 31)
        return [(day, f"{dt.date.fromordinal(day).day} {_MONTHS[dt.date.fromordinal(day).month - 1]} "
                      f"{dt.date.fromordinal(day).year}")
                for day in range(first.toordinal() + 1, last.toordinal() + 1, step)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 24:
        step = max(1, -(-(last.year - first.year + 1) // most))
        return [(dt.date(y, 1, 1).toordinal(), str(y))
                for y in range(first.year + 1, last.year + 1, step)]
    step = max(1, -(-months // most))
    out = []
    for k in range(1, months + 1, step):
        y, m = divmod(first.month - 1 + k, 12)
        day = dt.date(first.year + y, m + 1, 1)
        if day <= last:
            out.append((day.toordinal(), f"{_MONTHS[m]} {day.year}"))
    return out


def timeline_drawing(title: str, points: Sequence[TimelinePoint], unit: str,
                     references: Sequence[Reference] = (), *, width: float = 480,
                     height: float = 260) -> Drawing:
    """The chart of ``points`` (undated points and points without a finite value are left
    out; the caption says how many)."""
    register_fonts()
    d = Drawing(width, height)
    shown = [p for p in points if p.date is not None and p.value is not None
             and math.isfinite(p.low) and math.isfinite(p.high)]
    left, right, bottom, top = 62.0, width - 12, 52.0, height - 26
    d.add(String(left, height - 16, title[:90], fontName=BOLD, fontSize=10))
    if not shown:
        d.add(String(left, height / 2, "No dated values to draw.", fontName=REGULAR,
                     fontSize=9))
        return d
    days = [p.date.toordinal() for p in shown]  # type: ignore[union-attr]
    refs = [r for r in references if math.isfinite(r.low) and math.isfinite(r.high)]
    x0, x1 = min(days), max(days)
    margin = max((x1 - x0) * 0.04, 15)
    x0, x1 = x0 - margin, x1 + margin
    lows = [p.low for p in shown] + [r.low for r in refs]
    highs = [p.high for p in shown] + [r.high for r in refs]
    y0, y1 = min(lows), max(highs)
    pad = (y1 - y0) * 0.08 or max(abs(y1) * 0.05, 1.0)
    y0, y1 = y0 - pad, y1 + pad

    def sx(day: float) -> float:
        return left + (day - x0) / (x1 - x0) * (right - left)

    def sy(v: float) -> float:
        return bottom + (v - y0) / (y1 - y0) * (top - bottom)

    for r in sorted(refs, key=lambda r: r.as_of):
        start = max(sx(r.as_of.toordinal()), left)
        if start < right:
            band_low, band_high = sy(r.low), sy(r.high)
            d.add(Rect(start, band_low, right - start, max(band_high - band_low, 1.0),
                       fillColor=colors.Color(0.2, 0.6, 0.3, alpha=0.18), strokeColor=None))
    axis = colors.HexColor("#555555")
    d.add(Line(left, bottom, right, bottom, strokeColor=axis, strokeWidth=0.6))
    d.add(Line(left, bottom, left, top, strokeColor=axis, strokeWidth=0.6))
    y_ticks = _date_ticks(y0, y1) if unit == "date" else [(v, f"{v:,.6g}") for v in _ticks(y0, y1)]
    for v, label in y_ticks:
        y = sy(v)
        d.add(Line(left - 3, y, left, y, strokeColor=axis, strokeWidth=0.5))
        d.add(String(left - 5, y - 3, label, fontName=REGULAR, fontSize=7, textAnchor="end"))
    for day, label in _date_ticks(x0, x1):
        x = sx(day)
        d.add(Line(x, bottom, x, bottom - 3, strokeColor=axis, strokeWidth=0.5))
        d.add(String(x, bottom - 12, label, fontName=REGULAR, fontSize=7, textAnchor="middle"))
    outlets = sorted({p.outlet for p in shown}, key=lambda o: (-sum(p.outlet == o for p in shown), o))
    style = {o: (PALETTE[i % len(PALETTE)], SHAPES[(i // len(PALETTE) + i) % len(SHAPES)])
             for i, o in enumerate(outlets)}
    for p, day in zip(shown, days, strict=True):
        x = sx(day)
        colour = colors.HexColor(style[p.outlet][0])
        if p.high > p.low:
            d.add(Line(x, sy(p.low), x, sy(p.high), strokeColor=colour, strokeWidth=0.8))
        if p.conflicting:
            d.add(Circle(x, sy(p.value), 5.2, fillColor=None, strokeColor=CONFLICT,
                         strokeWidth=1.2))
        d.add(_marker(style[p.outlet][1], x, sy(p.value), 3.0, colour))
    lx, ly = left, 14.0
    for o in outlets[:MAX_LEGEND]:
        colour, shape = style[o]
        d.add(_marker(shape, lx + 3, ly + 3, 3.0, colors.HexColor(colour)))
        name = o if len(o) <= 22 else o[:21] + "…"
        d.add(String(lx + 9, ly, name, fontName=REGULAR, fontSize=7))
        lx += 14 + 4.2 * len(name)
        if lx > right - 60:
            lx, ly = left, ly - 10
    left_out = len(points) - len(shown)
    extra = [f"{len(outlets) - MAX_LEGEND} more outlets"] if len(outlets) > MAX_LEGEND else []
    extra += [f"{left_out} undated"] if left_out else []
    note = "ringed: conflicting" + (" · shaded: reference figure" if refs else "")
    d.add(String(right, height - 16, " · ".join([note, *extra]), fontName=REGULAR, fontSize=7,
                 textAnchor="end"))
    return d


def write_timeline_svg(title: str, points: Sequence[TimelinePoint], unit: str, path: Path,
                       references: Sequence[Reference] = ()) -> int:
    """Write the chart as SVG (all-or-nothing); the number of points drawn."""
    from reportlab.graphics import renderSVG

    drawing = timeline_drawing(title, points, unit, references)
    text = renderSVG.drawToString(drawing)
    with atomic_output(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return sum(1 for p in points if p.date is not None and p.value is not None)
