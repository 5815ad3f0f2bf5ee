"""The article as the detail pane shows it: every claim tinted by its category, the selected
claim marked strongly with its figures in bold, and a tooltip naming a claim's category."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop.appearance import colour
from desktop.claims_model import category_label, status_label
from storage.queries import ClaimDetail, ClaimSpan

# How a light/dark switch reaches a widget (which of them depends on the order Qt repolishes in).
_SWITCH = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange)

SELECTED = QColor(255, 226, 122)
SELECTED_TEXT = QColor(20, 20, 20)

# Pale tints on a light page, deep ones on a dark page: the text stays readable on both.
_TINTS: dict[str | None, tuple[str, str]] = {
    "territory": ("#d6efcf", "#2f4a2b"),
    "casualties": ("#f6d2d2", "#5a2d2d"),
    "minsk": ("#d2e2f7", "#27405e"),
    "negotiations": ("#e4d8f4", "#45365e"),
    "poll": ("#fae2c6", "#5d4327"),
    "other_numeric": ("#d6ecec", "#284a4b"),
    None: ("#e6e6e6", "#454545"),
}


def category_tint(category: str | None) -> QColor:
    return colour(*_TINTS.get(category, _TINTS[None]))


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a Qt text position (Qt counts UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def python_offset(text: str, position: int) -> int:
    """A Qt text position (UTF-16 code units) as an index into the Python string."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def legend_html(categories: Sequence[str | None]) -> str:
    """A line of category names, each after a square of its tint (text, not colour alone)."""
    parts = []
    for category in dict.fromkeys(categories):
        name = category_label(category) or QCoreApplication.translate(
            "ArticleText", "No category")
        parts.append(
            f'<span style="background-color:{category_tint(category).name()};">'
            f"&nbsp;&nbsp;&nbsp;</span>&nbsp;{escape(name)}")
    return "&nbsp;&nbsp; ".join(parts)


class ArticleText(QPlainTextEdit):
    """A read-only article whose claims are highlighted (extra selections: no edits to it).
    Double-clicking another claim of the article asks for it (``claimActivated``)."""

    claimActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self._current: int | None = None
        self._text = ""
        self._spans: tuple[ClaimSpan, ...] = ()
        self._starts: list[int] = []
        self._detail: ClaimDetail | None = None
        self._retint_due = False

    def show_article(self, text: str) -> None:
        self._text = text
        self._detail = None
        self.setPlainText(text)

    def highlight(self, d: ClaimDetail) -> None:
        """Tint every claim of ``d``'s article, mark ``d`` itself, and scroll to it."""
        self._tint(d)
        cursor = self.textCursor()
        cursor.setPosition(utf16_offset(self._text, d.start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        # The tints belong to a palette (pale on light, deep on dark): after a switch between
        # them the claims are tinted again, where the reader is, or white text would sit on
        # pale tints. Later, not now: a switch sets the style, then the palette, and the
        # widget may hear of the first only.
        if event.type() in _SWITCH and not self._retint_due:
            self._retint_due = True
            QTimer.singleShot(0, self, self._retint)  # not after self is gone

    def _retint(self) -> None:
        self._retint_due = False
        if self._detail is not None:
            self._tint(self._detail)

    def _tint(self, d: ClaimDetail) -> None:
        text = self._text
        self._detail = d
        self._current = d.id
        self._spans = tuple(s for s in d.article_claims if 0 <= s.start < s.end <= len(text))
        self._starts = [s.start for s in self._spans]
        claim_format = QTextCharFormat()
        claim_format.setBackground(SELECTED)
        claim_format.setForeground(SELECTED_TEXT)
        # The selected claim first (claims do not overlap), then the others, then its figures.
        selections = [self._selection(d.start, d.end, claim_format)]
        for span in self._spans:
            if span.id == d.id:
                continue
            tint = QTextCharFormat()
            tint.setBackground(category_tint(span.category))
            selections.append(self._selection(span.start, span.end, tint))
        # Figures are found in the claim's own span, whatever offsets the extractor used.
        for figure in d.figures:
            at = text.find(figure.text, d.start, d.end) if figure.text else -1
            if at < 0:
                continue
            bold = QTextCharFormat(claim_format)
            bold.setFontWeight(QFont.Weight.Bold)
            bold.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(self._selection(at, at + len(figure.text), bold))
        self.setExtraSelections(selections)

    def span_at(self, index: int) -> ClaimSpan | None:
        """The claim covering the character at Python index ``index``, if any."""
        i = bisect_right(self._starts, index)
        # Claims are sentences and rarely overlap: the nearest few starts are enough.
        return next((s for s in reversed(self._spans[max(0, i - 3):i])
                     if s.start <= index < s.end), None)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(utf16_offset(self._text, start))
        cursor.setPosition(utf16_offset(self._text, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        position = self.cursorForPosition(event.position().toPoint()).position()
        span = self.span_at(python_offset(self._text, position))
        if span is not None and span.id != self._current:
            self.claimActivated.emit(span.id)
            return
        super().mouseDoubleClickEvent(event)  # selects a word, for "New claim from selection"

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            span = self.span_at(python_offset(self._text, position))
            if span is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tr("{category} claim ({status})").format(
                    category=category_label(span.category) or self.tr("Uncategorised"),
                    status=status_label(span.status).lower()), self.viewport())
            return True
        return super().viewportEvent(event)
