"""The timeline chart widget: one measure's claims by date, hover for the sentence, click to open
the claim, saved as PNG or SVG.

Drawn with a plain QPainter (desktop/timeline_painter.py) rather than QtCharts: QtCharts ships in
PySide6-Addons, which would add a 175 MB wheel to every install and bundle for one chart, and a
scatter with error bars, open intervals and reference bands needs custom drawing in QtCharts too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.timeline_painter import MARKER, Colours, Frame, frame_for, paint_timeline
from export.timeline_plot import PlotPoint, TimelinePlot, build_plot, format_value

_HIT = MARKER + 5  # how near the pointer must be to a point to hover it, in pixels


class ChartExportError(Exception):
    """The chart could not be written; ``str(exc)`` is a sentence for the person."""


def hover_text(point: PlotPoint, unit: str) -> str:
    """What hovering a point says: outlet, date, value, the sentence, a conflict."""
    sentence = point.sentence if len(point.sentence) <= 400 else point.sentence[:399] + "…"
    lines = [f"{point.outlet} · {point.date.isoformat()} · {point.label(unit) or format_value(point.y, unit)}",
             f"“{sentence}”"]
    if point.conflicting:
        lines.append("⚠ Conflicts with another figure for this measure.")
    lines.append("Click to open the claim.")
    return "\n".join(lines)


class TimelineChart(QWidget):
    """Shows a :class:`TimelinePlot`; ``claimClicked`` fires with the clicked point's claim id."""

    claimClicked = Signal(int)
    hovered = Signal(object)  # the PlotPoint under the pointer, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setMouseTracking(True)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot: TimelinePlot = build_plot([])
        self._frame: Frame | None = None
        self._hovered: PlotPoint | None = None

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    # -- data -------------------------------------------------------------------------------
    def set_points(self, points: Sequence[Any], references: Sequence[Any] = (),
                   unit: str = "") -> None:
        """Show these timeline points (storage.measures.TimelinePoint or alike)."""
        self.set_plot(build_plot(points, references, unit))

    def set_plot(self, plot: TimelinePlot) -> None:
        self.plot = plot
        self._hovered = None
        self._frame = None
        self.update()

    # -- drawing ----------------------------------------------------------------------------
    def colours(self) -> Colours:
        palette = self.palette()
        return Colours.for_palette(palette.color(QPalette.ColorRole.Base),
                                   palette.color(QPalette.ColorRole.Text))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        hovered = self._hovered.claim_id if self._hovered is not None else None
        self._frame = paint_timeline(painter, QRectF(self.rect()), self.plot, self.colours(),
                                     self.font(), hovered)
        painter.end()

    def render_image(self, size: QSize | None = None, scale: float = 2.0) -> QImage:
        """The chart as an image in paper colours (for PNG export and the tests)."""
        size = size or self.size()
        image = QImage(int(size.width() * scale), int(size.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        paint_timeline(painter, QRectF(0, 0, size.width(), size.height()), self.plot,
                       Colours.paper(), self.font())
        painter.end()
        return image

    def save(self, path: Path, size: QSize | None = None) -> None:
        """Write the chart as PNG or SVG, chosen by the file's suffix."""
        suffix = path.suffix.lower()
        size = size or QSize(max(self.width(), 800), max(self.height(), 400))
        if suffix == ".png":
            if not self.render_image(size).save(str(path), "PNG"):
                raise ChartExportError(f"Could not write {path}: is the folder writable?")
        elif suffix == ".svg":
            self._save_svg(path, size)
        else:
            raise ChartExportError(f"Save the chart as .png or .svg, not “{path.suffix}”.")

    def _save_svg(self, path: Path, size: QSize) -> None:
        from PySide6.QtSvg import QSvgGenerator  # in PySide6-Essentials

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle("Claimdesk timeline")
        painter = QPainter()
        if not painter.begin(generator):
            raise ChartExportError(f"Could not write {path}: is the folder writable?")
        paint_timeline(painter, QRectF(0, 0, size.width(), size.height()), self.plot,
                       Colours.paper(), self.font(), vector=True)
        painter.end()
        if not path.exists():
            raise ChartExportError(f"Could not write {path}: is the folder writable?")

    # -- hovering and clicking --------------------------------------------------------------
    def frame(self) -> Frame:
        """Where the plot sits in the widget (as last painted, or as it would be)."""
        if self._frame is None:
            self._frame = frame_for(self.plot, QRectF(self.rect()), self.font())
        return self._frame

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        self._frame = None
        super().resizeEvent(event)

    def point_at(self, pos: QPointF) -> PlotPoint | None:
        """The point nearest ``pos`` within a few pixels, or None."""
        frame = self.frame()
        if not self.plot.points:
            return None
        best, best_d = None, _HIT * _HIT
        for p in self.plot.points:
            dx, dy = frame.x(p.x) - pos.x(), frame.y(p.y) - pos.y()
            d = dx * dx + dy * dy
            if d <= best_d:
                best, best_d = p, d
        return best

    def position_of(self, claim_id: int) -> QPointF | None:
        """Where a claim's point is drawn, or None when it is not drawn."""
        point = next((p for p in self.plot.points if p.claim_id == claim_id), None)
        return self.frame().at(point) if point is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        point = self.point_at(event.position())
        if point is not self._hovered:
            self._hovered = point
            self.hovered.emit(point)
            self.update()
        if point is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), hover_text(point, self.plot.unit),
                              self)

    def leaveEvent(self, _event: Any) -> None:  # noqa: N802 (Qt API)
        if self._hovered is not None:
            self._hovered = None
            self.hovered.emit(None)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.point_at(event.position())
        if point is not None:
            self.claimClicked.emit(point.claim_id)
