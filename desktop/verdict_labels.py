"""How ratings, verdict statuses and conflicts read on screen: text first, colour beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from export.ratings import badge_colours
from storage.verdicts import RATING_LABELS, STATUS_LABELS

CONFLICT_COLOURS = (QColor(0xB0, 0x3A, 0x1E), QColor(0xFF, 0x8A, 0x6B))  # light, dark


def rating_text(rating: str | None) -> str:
    if rating is None:
        return QCoreApplication.translate("Rating", "Not rated")
    return QCoreApplication.translate("Rating", RATING_LABELS.get(rating, rating))


def verdict_status_text(status: str | None) -> str:
    if status is None:
        return QCoreApplication.translate("VerdictStatus", "No verdict")
    return QCoreApplication.translate("VerdictStatus", STATUS_LABELS.get(status, status))


_swatches: dict[str | None, QIcon] = {}


def rating_swatch(rating: str | None, size: int = 12) -> QIcon:
    """A square of the rating's badge colour; always shown next to its label, never alone."""
    if (rating, size) not in _swatches:  # type: ignore[comparison-overlap]
        fill, _text = badge_colours(rating)
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(fill))
        painter.setPen(QColor(0, 0, 0, 90))
        painter.drawRoundedRect(0, 0, size - 1, size - 1, 2, 2)
        painter.end()
        _swatches[(rating, size)] = QIcon(pixmap)  # type: ignore[index]
    return _swatches[(rating, size)]  # type: ignore[index]


def conflict_text(has_conflict: bool, tooltip: bool = False) -> str | None:
    """The conflict marker of a claim or group ("" / None when there is no conflict)."""
    if not has_conflict:
        return None if tooltip else ""
    if tooltip:
        return QCoreApplication.translate(
            "Conflict", "Another claim group states this claim with other figures")
    return QCoreApplication.translate("Conflict", "⚠ Conflict")
