"""A measure's timeline as a reportlab drawing for the briefing (the same layout as the window's
chart, from export.timeline_plot; the briefing's DejaVu fonts; paper colours)."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from export.fonts import REGULAR, register_fonts
from export.timeline_plot import (
    LEGEND_CONFLICT,
    LEGEND_MORE,
    LEGEND_REFERENCE,
    TimelinePlot,
    colour_of,
    legend_rows,
    shape_of,
)

FONT_SIZE = 7
MARKER = 2.6
LEGEND_MAX = 8
_TEXT = colors.HexColor("#1A1A1A")
_MUTED = colors.HexColor("#5A5A5A")
_GRID = colors.HexColor("#E3E3E3")
_CONFLICT = colors.HexColor("#C0392B")
_REFERENCE = colors.HexColor("#333333")  # neutral: no outlet colour is mistaken for it


def _marker(shape: str, x: float, y: float, r: float, fill: colors.Color) -> Polygon | Circle | Group:
    common = dict(fillColor=fill, strokeColor=colors.white, strokeWidth=0.4)
    if shape == "circle":
        return Circle(x, y, r, **common)
    if shape == "square":
        return Rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, **common)
    if shape == "triangle":  # reportlab's y grows upwards
        return Polygon([x, y + r * 1.15, x + r, y - r * 0.75, x - r, y - r * 0.75], **common)
    if shape == "down":
        return Polygon([x, y - r * 1.15, x + r, y + r * 0.75, x - r, y + r * 0.75], **common)
    if shape == "diamond":
        return Polygon([x, y + r * 1.2, x + r * 1.2, y, x, y - r * 1.2, x - r * 1.2, y], **common)
    t = r * 0.35
    cross = Group(Rect(x - r, y - t, 2 * r, 2 * t, fillColor=fill, strokeColor=None),
                  Rect(x - t, y - r, 2 * t, 2 * r, fillColor=fill, strokeColor=None))
    return cross


def _legend(plot: TimelinePlot, width: float) -> list[list[tuple[str, int, float]]]:
    return legend_rows(plot, width, lambda text: 10 + stringWidth(text, REGULAR, FONT_SIZE) + 10,
                       LEGEND_MAX)


def timeline_drawing(plot: TimelinePlot, width: float, height: float) -> Drawing:
    """The chart of ``plot`` in a ``width`` × ``height`` points drawing."""
    register_fonts()
    d = Drawing(width, height)
    if plot.blank:  # a sentence, not a frame of empty axes
        d.add(String(width / 2, height / 2, plot.blank_text(), fontName=REGULAR,
                     fontSize=FONT_SIZE + 2, fillColor=_MUTED, textAnchor="middle"))
        return d
    legend = _legend(plot, width)
    label_w = max((stringWidth(t.label, REGULAR, FONT_SIZE) for t in plot.y_ticks), default=12)
    left = label_w + 6
    bottom = FONT_SIZE * (3.2 if plot.undated else 2)
    top = height - len(legend) * (FONT_SIZE + 4) - 4 - FONT_SIZE / 2  # the top label clears the legend
    right = width - 6
    w, h = right - left, max(top - bottom, 10)

    def x_of(v: float) -> float:
        return left + (v - plot.x_min) / (plot.x_max - plot.x_min) * w

    def y_of(v: float) -> float:
        return bottom + (v - plot.y_min) / ((plot.y_max - plot.y_min) or 1.0) * h

    for t in plot.y_ticks:
        y = y_of(t.at)
        d.add(Line(left, y, right, y, strokeColor=_GRID, strokeWidth=0.4))
        d.add(String(left - 3, y - FONT_SIZE / 3, t.label, fontName=REGULAR, fontSize=FONT_SIZE,
                     fillColor=_MUTED, textAnchor="end"))
    last_right = -1e9
    for t in plot.x_ticks:
        x = x_of(t.at)
        d.add(Line(x, bottom, x, top, strokeColor=_GRID, strokeWidth=0.4))
        half = stringWidth(t.label, REGULAR, FONT_SIZE) / 2
        if x - half > last_right + 4:
            d.add(String(x, bottom - FONT_SIZE - 2, t.label, fontName=REGULAR,
                         fontSize=FONT_SIZE, fillColor=_MUTED, textAnchor="middle"))
            last_right = x + half
    d.add(Line(left, bottom, right, bottom, strokeColor=_MUTED, strokeWidth=0.6))
    if plot.undated:
        d.add(String(left, 1, f"{plot.undated} claim(s) without a date or value are not shown.",
                     fontName=REGULAR, fontSize=FONT_SIZE, fillColor=_MUTED))

    for band in plot.bands:
        x0, x1 = max(x_of(band.x0), left), min(x_of(band.x1), right)
        y0, y1 = y_of(band.low), y_of(band.high)
        d.add(Rect(x0, y0 - 0.8, max(x1 - x0, 0), max(y1 - y0, 0) + 1.6,
                   fillColor=colors.Color(0.2, 0.2, 0.2, alpha=0.14), strokeColor=None))
        mid = band.value if band.value is not None else (band.low + band.high) / 2
        d.add(Line(x0, y_of(mid), x1, y_of(mid), strokeColor=_REFERENCE, strokeWidth=0.9,
                   strokeDashArray=[3, 2]))

    for p in plot.points:
        x = x_of(p.x)
        if p.high > p.low:
            y0, y1 = y_of(p.low), y_of(p.high)
            d.add(Line(x, y0, x, y1, strokeColor=_MUTED, strokeWidth=0.6))
            if not p.open_low:
                d.add(Line(x - 2, y0, x + 2, y0, strokeColor=_MUTED, strokeWidth=0.6))
            if not p.open_high:
                d.add(Line(x - 2, y1, x + 2, y1, strokeColor=_MUTED, strokeWidth=0.6))
    for p in plot.points:
        x, y = x_of(p.x), y_of(p.y)
        d.add(_marker(shape_of(p.style), x, y, MARKER, colors.HexColor(colour_of(p.style))))
        if p.conflicting:
            d.add(Circle(x, y, MARKER + 2.2, fillColor=None, strokeColor=_CONFLICT,
                         strokeWidth=0.9))

    y = height - FONT_SIZE - 1
    for row in legend:
        for text, style, x in row:
            cx, cy = x + 4, y + FONT_SIZE / 3
            if style >= 0:
                d.add(_marker(shape_of(style), cx, cy, MARKER, colors.HexColor(colour_of(style))))
            elif style == LEGEND_CONFLICT:
                d.add(Circle(cx, cy, MARKER + 1, fillColor=None, strokeColor=_CONFLICT,
                             strokeWidth=0.9))
            elif style == LEGEND_REFERENCE:
                d.add(Line(cx - 4, cy, cx + 4, cy, strokeColor=_REFERENCE, strokeWidth=0.9,
                           strokeDashArray=[3, 2]))
            d.add(String(cx + (6 if style != LEGEND_MORE else -4), y, text, fontName=REGULAR,
                         fontSize=FONT_SIZE, fillColor=_TEXT))
        y -= FONT_SIZE + 4
    return d
