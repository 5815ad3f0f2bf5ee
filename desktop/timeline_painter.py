"""Draws a measure's timeline (export.timeline_plot.TimelinePlot) with a QPainter: on screen, into a
PNG or into an SVG, from the same code."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from export.timeline_plot import (
    LEGEND_CONFLICT,
    LEGEND_REFERENCE,
    PlotPoint,
    TimelinePlot,
    colour_of,
    legend_rows,
    shape_of,
)

MARKER = 4.5  # half a marker's width, in pixels
LEGEND_MAX = 9  # outlets named in the legend; the rest are counted


@dataclass(frozen=True)
class Colours:
    """The few colours a chart needs, for a light or a dark palette."""

    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    conflict: QColor
    reference: QColor

    @staticmethod
    def for_palette(background: QColor, text: QColor) -> Colours:
        dark = background.lightness() < 128
        muted = QColor(text)
        muted.setAlpha(170)
        grid = QColor(text)
        grid.setAlpha(40)
        return Colours(dark, QColor(background), QColor(text), muted, grid,
                       QColor("#FF6B6B" if dark else "#C0392B"),
                       # Neutral, so no outlet's colour is mistaken for the reference.
                       QColor("#D8D8D8" if dark else "#333333"))

    @staticmethod
    def paper() -> Colours:
        return Colours.for_palette(QColor("#FFFFFF"), QColor("#1A1A1A"))


@dataclass(frozen=True)
class Frame:
    """Where the plot area sits in the drawn rectangle, and how values map into it."""

    area: QRectF
    plot: TimelinePlot

    def x(self, value: float) -> float:
        p = self.plot
        return self.area.left() + (value - p.x_min) / (p.x_max - p.x_min) * self.area.width()

    def y(self, value: float) -> float:
        p = self.plot
        span = (p.y_max - p.y_min) or 1.0
        return self.area.bottom() - (value - p.y_min) / span * self.area.height()

    def at(self, point: PlotPoint) -> QPointF:
        return QPointF(self.x(point.x), self.y(point.y))


def _legend_rows(plot: TimelinePlot, fm: QFontMetricsF, width: float) -> list[list[tuple[str, int, float]]]:
    return legend_rows(plot, width, lambda text: 16 + fm.horizontalAdvance(text) + 14, LEGEND_MAX)


def frame_for(plot: TimelinePlot, rect: QRectF, font: QFont) -> Frame:
    fm = QFontMetricsF(font)
    label_w = max((fm.horizontalAdvance(t.label) for t in plot.y_ticks), default=20.0)
    legend = len(_legend_rows(plot, fm, rect.width() - 16))
    top = 8 + legend * (fm.height() + 4) + 6
    bottom = fm.height() * (2.4 if plot.undated else 1.4) + 8
    area = QRectF(rect.left() + label_w + 14, rect.top() + top,
                  max(rect.width() - label_w - 28, 10), max(rect.height() - top - bottom, 10))
    return Frame(area, plot)


def marker_path(path: QPainterPath, shape: str, c: QPointF, r: float) -> None:
    x, y = c.x(), c.y()
    if shape == "circle":
        path.addEllipse(c, r, r)
    elif shape == "square":
        path.addRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.15), QPointF(x + r, y + r * 0.75),
                                   QPointF(x - r, y + r * 0.75), QPointF(x, y - r * 1.15)]))
    elif shape == "down":
        path.addPolygon(QPolygonF([QPointF(x, y + r * 1.15), QPointF(x + r, y - r * 0.75),
                                   QPointF(x - r, y - r * 0.75), QPointF(x, y + r * 1.15)]))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.2, y),
                                   QPointF(x, y + r * 1.2), QPointF(x - r * 1.2, y),
                                   QPointF(x, y - r * 1.2)]))
    else:  # a cross, drawn as a thin plus-shaped area so it can be filled like the others
        t = r * 0.35
        path.addRect(QRectF(x - r, y - t, 2 * r, 2 * t))
        path.addRect(QRectF(x - t, y - r, 2 * t, 2 * r))


def paint_timeline(painter: QPainter, rect: QRectF, plot: TimelinePlot, colours: Colours,
                   font: QFont, hovered: int | None = None, *, vector: bool = False) -> Frame:
    """Draw ``plot`` into ``rect``; returns the frame (for hit-testing the points).

    ``vector`` draws every marker as a shape (for SVG); otherwise each marker is stamped from
    a small image made once per style, which is what keeps 5,000 points under 200 ms.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    painter.fillRect(rect, colours.background)
    fm = QFontMetricsF(font)
    frame = frame_for(plot, rect, font)
    area = frame.area
    if plot.blank:  # a sentence, not a frame of empty axes
        painter.setPen(colours.muted)
        painter.drawText(rect.adjusted(12, 12, -12, -12),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         plot.blank_text())
        painter.restore()
        return frame

    # Grid and axes labels.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colours.grid, 1))
    painter.drawLines([QLineF(area.left(), frame.y(t.at), area.right(), frame.y(t.at))
                       for t in plot.y_ticks])
    painter.drawLines([QLineF(frame.x(t.at), area.top(), frame.x(t.at), area.bottom())
                       for t in plot.x_ticks])
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(colours.muted)
    for t in plot.y_ticks:
        y = frame.y(t.at)
        painter.drawText(QRectF(rect.left(), y - fm.height() / 2, area.left() - rect.left() - 8,
                                fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, t.label)
    last_right = -1e9
    for t in plot.x_ticks:
        x = frame.x(t.at)
        w = fm.horizontalAdvance(t.label)
        if x - w / 2 < last_right + 6:
            continue  # labels never overlap: skip one that would
        painter.drawText(QPointF(x - w / 2, area.bottom() + fm.ascent() + 4), t.label)
        last_right = x + w / 2
    painter.setPen(QPen(colours.muted, 1))
    painter.drawLine(QLineF(area.bottomLeft(), area.bottomRight()))
    if plot.undated:
        painter.drawText(QPointF(area.left(), rect.bottom() - fm.descent() - 2),
                         f"{plot.undated} claim(s) without a date or value are not shown.")
    if plot.empty:
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No dated values to draw.")

    # Reference bands: a translucent band over the interval, a line at the value.
    painter.setClipRect(area.adjusted(-MARKER * 2, -MARKER * 2, MARKER * 2, MARKER * 2))
    fill = QColor(colours.reference)
    fill.setAlpha(45)
    for band in plot.bands:
        x0, x1 = frame.x(band.x0), frame.x(band.x1)
        top, bottom = frame.y(band.high), frame.y(band.low)
        painter.fillRect(QRectF(x0, top - 1.5, x1 - x0, max(bottom - top, 0) + 3), fill)
        painter.setPen(QPen(colours.reference, 1.6, Qt.PenStyle.DashLine))
        mid = band.value if band.value is not None else (band.low + band.high) / 2
        painter.drawLine(QLineF(x0, frame.y(mid), x1, frame.y(mid)))

    # Error bars, all in one call; the arithmetic inline (5,000 points, issue #19's bar).
    ax, ab = area.left(), area.bottom()
    sx = area.width() / ((plot.x_max - plot.x_min) or 1.0)
    sy = area.height() / ((plot.y_max - plot.y_min) or 1.0)
    x0, y0 = plot.x_min, plot.y_min
    bars: list[QLineF] = []
    for p in plot.points:
        if p.high > p.low:
            x, top, bottom = ax + (p.x - x0) * sx, ab - (p.high - y0) * sy, ab - (p.low - y0) * sy
            bars.append(QLineF(x, top, x, bottom))
            if not p.open_high:
                bars.append(QLineF(x - 3, top, x + 3, top))
            if not p.open_low:
                bars.append(QLineF(x - 3, bottom, x + 3, bottom))
    # Upright and level lines need no antialiasing; with it they cost most of the paint.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, vector)
    painter.setPen(QPen(colours.muted, 1))
    painter.drawLines(bars)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    if vector:
        _vector_markers(painter, frame, plot, colours)
    else:
        _sprite_markers(painter, frame, plot, colours)
    if hovered is not None:
        point = next((p for p in plot.points if p.claim_id == hovered), None)
        if point is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colours.text, 1.5))
            painter.drawEllipse(frame.at(point), MARKER + 6, MARKER + 6)
    painter.setClipping(False)

    _paint_legend(painter, rect, plot, colours, fm)
    painter.restore()
    return frame


def _vector_markers(painter: QPainter, frame: Frame, plot: TimelinePlot, colours: Colours) -> None:
    paths: dict[int, QPainterPath] = {}
    rings = QPainterPath()
    for p in plot.points:
        c = frame.at(p)
        marker_path(paths.setdefault(p.style, QPainterPath()), shape_of(p.style), c, MARKER)
        if p.conflicting:
            rings.addEllipse(c, MARKER + 3.5, MARKER + 3.5)
    outline = QPen(colours.background, 0.8)
    for style, path in paths.items():
        painter.setPen(outline)
        painter.setBrush(QBrush(QColor(colour_of(style, colours.dark))))
        painter.drawPath(path)
    if not rings.isEmpty():
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colours.conflict, 1.6))
        painter.drawPath(rings)


_SPRITE = 24  # logical pixels; a marker and its conflict ring fit inside
_sprites: dict[tuple[int, bool, float, str], QImage] = {}


def _sprite(style: int, colours: Colours, ratio: float) -> QImage:
    """One marker (style >= 0) or the conflict ring (-1), drawn once at the device's ratio."""
    key = (style, colours.dark, ratio, colours.background.name())
    image = _sprites.get(key)
    if image is None:
        side = round(_SPRITE * ratio)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = QPointF(_SPRITE / 2, _SPRITE / 2)
        if style >= 0:
            path = QPainterPath()
            marker_path(path, shape_of(style), c, MARKER)
            p.setPen(QPen(colours.background, 0.8))
            p.setBrush(QColor(colour_of(style, colours.dark)))
            p.drawPath(path)
        else:
            p.setPen(QPen(colours.conflict, 1.6))
            p.drawEllipse(c, MARKER + 3.5, MARKER + 3.5)
        p.end()
        _sprites[key] = image
    return image


def _sprite_markers(painter: QPainter, frame: Frame, plot: TimelinePlot, colours: Colours) -> None:
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    area = frame.area
    ax, ab = area.left() - _SPRITE / 2, area.bottom() - _SPRITE / 2
    sx = area.width() / ((plot.x_max - plot.x_min) or 1.0)
    sy = area.height() / ((plot.y_max - plot.y_min) or 1.0)
    x0, y0 = plot.x_min, plot.y_min
    sprites = {style: _sprite(style, colours, ratio) for _o, style in plot.outlets}
    ring = _sprite(-1, colours, ratio)
    draw = painter.drawImage
    conflicting = []
    for p in plot.points:
        at = QPointF(ax + (p.x - x0) * sx, ab - (p.y - y0) * sy)
        draw(at, sprites[p.style])
        if p.conflicting:
            conflicting.append(at)
    for at in conflicting:  # on top, so a ring is never hidden under other markers
        draw(at, ring)


def _paint_legend(painter: QPainter, rect: QRectF, plot: TimelinePlot, colours: Colours,
                  fm: QFontMetricsF) -> None:
    y = rect.top() + 8
    for row in _legend_rows(plot, fm, rect.width() - 16):
        centre_y = y + fm.height() / 2
        for text, style, x in row:
            c = QPointF(rect.left() + 8 + x + 6, centre_y)
            if style >= 0:
                path = QPainterPath()
                marker_path(path, shape_of(style), c, MARKER)
                painter.setPen(QPen(colours.background, 0.8))
                painter.setBrush(QColor(colour_of(style, colours.dark)))
                painter.drawPath(path)
            elif style == LEGEND_CONFLICT:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(colours.conflict, 1.6))
                painter.drawEllipse(c, MARKER + 2, MARKER + 2)
            elif style == LEGEND_REFERENCE:
                painter.setPen(QPen(colours.reference, 1.6, Qt.PenStyle.DashLine))
                painter.drawLine(QLineF(c.x() - 7, c.y(), c.x() + 7, c.y()))
            painter.setPen(colours.text)
            painter.drawText(QPointF(c.x() + 10, centre_y + fm.ascent() / 2 - 1), text)
        y += fm.height() + 4
