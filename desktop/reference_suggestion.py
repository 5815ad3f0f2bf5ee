"""The reference check shown above a claim (Inbox) or a claim group: how its figure compares with
the reference figure valid at its date, as a *suggested* rating a person confirms or overrides
(nothing is ever rated by it on its own), and the reference ready to cite as evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.appearance import colour
from desktop.verdict_labels import rating_swatch, rating_text
from export.ratings import RATING_ORDER
from storage.database import Database
from storage.measures import (
    CONSISTENT,
    CONTRADICTS,
    Comparison,
    Reference,
    compare_with_reference,
    measure_row,
    value_text,
)
from storage.models import Rating
from storage.reads import read_claim_detail
from storage.verdicts import EvidenceItem

# (light palette, dark palette): the frame's colour for a contradiction and for agreement
_RED = ("#C0392B", "#FF6B6B")
_GREEN = ("#1B7A3A", "#5BD07F")


@dataclass(frozen=True)
class ReferenceCheck:
    """What the banner shows for one claim or one claim group (loaded on a worker thread)."""

    group_id: int | None
    comparisons: tuple[Comparison, ...]  # only those with a reference for the claim's date
    names: dict[int, str]  # measure id -> name
    units: dict[int, str]  # measure id -> unit

    @property
    def empty(self) -> bool:
        return not self.comparisons


def _check(db: Database, claim_ids: Sequence[int], group_id: int | None) -> ReferenceCheck:
    found: list[Comparison] = []
    for claim_id in claim_ids:
        found += [c for c in compare_with_reference(db, claim_id=claim_id)
                  if c.reference is not None]
    names: dict[int, str] = {}
    units: dict[int, str] = {}
    for measure_id in {c.measure_id for c in found}:
        row = measure_row(db, measure_id)
        names[measure_id] = row.name if row is not None else f"measure #{measure_id}"
        units[measure_id] = row.unit if row is not None else ""
    return ReferenceCheck(group_id, tuple(found), names, units)


def load_claim_check(db: Database, claim_id: int) -> ReferenceCheck:
    detail = read_claim_detail(db, claim_id)
    return _check(db, [claim_id], detail.group_id if detail is not None else None)


def load_group_check(db: Database, group_id: int, claim_ids: Sequence[int]) -> ReferenceCheck:
    return _check(db, claim_ids, group_id)


def suggested_rating(comparisons: Sequence[Comparison]) -> str | None:
    """The rating the comparisons point to: all contradict -> False; all consistent -> True
    (Mostly true when a claim's interval reaches past the reference's); mixed -> none."""
    kinds = {c.kind for c in comparisons}
    if kinds == {CONTRADICTS}:
        return Rating.FALSE
    if kinds == {CONSISTENT}:
        inside = all(c.reference_interval is not None
                     and c.reference_interval[0] <= c.claim_interval[0]
                     and c.claim_interval[1] <= c.reference_interval[1] for c in comparisons)
        return Rating.TRUE if inside else Rating.MOSTLY_TRUE
    return None


def _interval(low: float, high: float, unit: str) -> str:
    if low == high:
        return value_text(low, unit)
    return f"{value_text(low, unit) or '…'} – {value_text(high, unit) or '…'}"


def comparison_line(c: Comparison, name: str, unit: str) -> str:
    ref = c.reference
    assert ref is not None and c.reference_interval is not None
    verb = "Contradicts" if c.kind == CONTRADICTS else "Consistent with"
    when = f" ({c.claim_date.isoformat()})" if c.claim_date else ""
    return (f"{verb} the reference for “{name}”: the claim says "
            f"{_interval(*c.claim_interval, unit)}{when}; “{ref.source_title}” as of "
            f"{ref.as_of.isoformat()}: {_interval(*c.reference_interval, unit)}.")


def evidence_for(reference: Reference, name: str, unit: str) -> EvidenceItem:
    """The reference figure as a verdict's evidence item, with its citation."""
    figure = _interval(reference.low, reference.high, unit)
    note = f"Reference figure for “{name}”: {figure} as of {reference.as_of.isoformat()}"
    if reference.captured_on:
        note += f", captured on {reference.captured_on.isoformat()}"
    note += f"; entered by {reference.entered_by}."
    return EvidenceItem(title=reference.source_title, publisher=reference.publisher,
                        url=reference.url, published=reference.as_of, quote=reference.quote,
                        note=note)


class SuggestionBanner(QFrame):
    """Says how a claim (or group) compares with the reference figures and offers the rating.

    ``ratingChosen(group_id, rating, evidence)``: the person confirmed the suggestion or chose
    another rating; ``evidenceRequested(group_id, evidence)``: cite the reference only.
    """

    ratingChosen = Signal(int, str, object)
    evidenceRequested = Signal(int, object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)  # the frame is painted in the check's colour
        self.check: ReferenceCheck | None = None
        self.suggestion: str | None = None
        self._contradicts = False
        self.heading = QLabel()
        self.heading.setObjectName("referenceCheckHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.lines = QLabel()
        self.lines.setObjectName("referenceCheckLines")
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)  # titles come from people and sources
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmSuggestedRating")
        self.confirm_button.clicked.connect(self.confirm)
        self.other_button = QToolButton()
        self.other_button.setText(self.tr("Another rating…"))
        self.other_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.other_button)
        self.rating_actions: dict[str, QAction] = {}
        for rating in RATING_ORDER:
            action = menu.addAction(rating_swatch(rating), rating_text(rating))
            action.triggered.connect(lambda _c=False, r=rating: self.override(r))
            self.rating_actions[rating] = action
        self.other_button.setMenu(menu)
        self.evidence_button = QPushButton(self.tr("Cite as evidence"))
        self.evidence_button.setToolTip(self.tr(
            "Put the reference figure with its citation into the verdict's evidence (not saved "
            "until you save the verdict)"))
        self.evidence_button.clicked.connect(self.cite)
        # Two short rows rather than one long one: the detail pane may be narrow.
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        cite = QHBoxLayout()
        cite.addWidget(self.other_button)
        cite.addWidget(self.evidence_button)
        cite.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)
        layout.addLayout(buttons)
        layout.addLayout(cite)
        self.hide()

    def show_check(self, check: ReferenceCheck | None) -> None:
        self.check = check
        if check is None or check.empty:
            self.suggestion = None
            self.hide()
            return
        self.suggestion = suggested_rating(check.comparisons)
        contradicts = any(c.kind == CONTRADICTS for c in check.comparisons)
        self.heading.setText(("⚠ " if contradicts else "✓ ") + self.tr(
            "Reference check: {verdict}").format(
            verdict=self.tr("contradicts the reference figure") if self.suggestion == Rating.FALSE
            else self.tr("consistent with the reference figure") if self.suggestion
            else self.tr("the claims compare differently; judge them one by one")))
        lines = [comparison_line(c, check.names.get(c.measure_id, ""),
                                 check.units.get(c.measure_id, "")) for c in check.comparisons[:6]]
        if len(check.comparisons) > 6:
            lines.append(self.tr("… and {n} more.").format(n=len(check.comparisons) - 6))
        self.lines.setText("\n".join(lines))
        can_rate = check.group_id is not None
        self.confirm_button.setVisible(self.suggestion is not None)
        self.confirm_button.setEnabled(can_rate)
        if self.suggestion is not None:
            self.confirm_button.setText(self.tr("Use suggested rating: {rating}").format(
                rating=rating_text(self.suggestion)))
            self.confirm_button.setIcon(rating_swatch(self.suggestion))
        self.confirm_button.setToolTip(
            self.tr("Set this rating on the claim group's verdict, with the reference as "
                    "evidence, and save it (Undo takes it back)") if can_rate
            else self.tr("This claim has no claim group yet: run matching first"))
        self.other_button.setEnabled(can_rate)
        self.evidence_button.setEnabled(can_rate)
        self._contradicts = contradicts
        self.update()
        self.show()

    def border_colour(self) -> QColor:
        """Red for a contradiction, green for agreement, in the palette shown now (the light
        palette's dark red and green are too dim on a dark page)."""
        return colour(*(_RED if self._contradicts else _GREEN))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        # Painted, not a style sheet: a style sheet would keep the buttons inside in the palette
        # they were first polished with (light buttons on a dark page after a switch), and the
        # colour is chosen at each paint, so a light/dark switch needs nothing more.
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.border_colour(), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()

    def evidence(self) -> list[EvidenceItem]:
        """The references compared with, as evidence items (each source once)."""
        if self.check is None:
            return []
        seen: dict[int, EvidenceItem] = {}
        for c in self.check.comparisons:
            if c.reference is not None and c.reference.id not in seen:
                seen[c.reference.id] = evidence_for(
                    c.reference, self.check.names.get(c.measure_id, ""),
                    self.check.units.get(c.measure_id, ""))
        return list(seen.values())

    def confirm(self) -> None:
        if self.suggestion is not None:
            self.override(self.suggestion)

    def override(self, rating: str) -> None:
        if self.check is not None and self.check.group_id is not None:
            self.ratingChosen.emit(self.check.group_id, rating, self.evidence())

    def cite(self) -> None:
        if self.check is not None and self.check.group_id is not None:
            self.evidenceRequested.emit(self.check.group_id, self.evidence())
