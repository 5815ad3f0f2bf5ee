"""The filter bar above the claims table: search words, category, outlet, verdict, conflicts,
publication dates, and how many claims are showing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.claims_model import category_label
from desktop.date_limit import NO_DATE_LIMIT, date_limit, date_limit_edit
from desktop.verdict_labels import rating_swatch, rating_text
from desktop.window_messages import plain
from export.ratings import RATING_ORDER
from storage.queries import NOT_RATED, ClaimFilter

SEARCH_DELAY_MS = 250


@dataclass(frozen=True)
class FilterChoice:
    """What the bar's widgets say; the window adds what its sidebar view implies."""

    text: str = ""
    category: str | None = None
    outlet_id: int | None = None
    rating: str | None = None
    conflicts_only: bool = False
    checked_only: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def claim_filter(self, status: str | None, article_id: int | None,
                     outlet_id: int | None) -> ClaimFilter:
        """The query's filter: this choice with the view's status, article and outlet."""
        return ClaimFilter(
            text=self.text, category=self.category, status=status, article_id=article_id,
            outlet_id=outlet_id,
            date_from=self.date_from, date_to=self.date_to, rating=self.rating,
            conflicts_only=self.conflicts_only, checked_only=self.checked_only)


class ClaimFilterBar(QWidget):
    """Two rows of filters. ``changed`` fires once the person pauses (typing, dates) or at
    once for a choice from a list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Typed words and dates change with every key: wait for a pause before querying.
        self._pause = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._pause.timeout.connect(self.changed)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search claims (Ctrl+F) — every word, any language"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self.changed)

        self.category = self._combo("categoryFilter", self.tr("All categories"), 14)
        self.outlet = self._combo("outletFilter", self.tr("All outlets"), 16)
        self.outlet.setToolTip(self.tr("Only claims from this outlet"))
        self.verdict = self._combo("verdictFilter", self.tr("Any verdict"), 12)
        self.verdict.setToolTip(self.tr("Only claims whose claim group has this verdict rating"))
        self.verdict.addItem(self.tr("Not rated yet"), NOT_RATED)
        for rating in RATING_ORDER:
            self.verdict.addItem(rating_swatch(rating), rating_text(rating), str(rating))

        self.conflicts = QCheckBox(self.tr("Con&flicts only"))
        self.conflicts.setObjectName("conflictsOnly")
        self.conflicts.setToolTip(self.tr(
            "Only claims that another claim group states with other figures"))
        self.conflicts.toggled.connect(lambda _on: self.changed.emit())
        self.checked = QCheckBox(self.tr("Already chec&ked"))
        self.checked.setObjectName("alreadyChecked")
        self.checked.setToolTip(self.tr(
            "Only claims close to a published fact-check in the library (File → Import "
            "fact-checks…), so the easy ones can be cleared first"))
        self.checked.toggled.connect(lambda _on: self.changed.emit())

        self.date_from = self._date_edit("dateFrom", self.tr(
            "Only claims from articles published on or after this day"))
        self.date_to = self._date_edit("dateTo", self.tr(
            "Only claims from articles published on or before this day"))
        self.any_date = QToolButton()
        self.any_date.setObjectName("anyDate")
        self.any_date.setText(self.tr("Any date"))
        self.any_date.setToolTip(self.tr("Remove the date limits"))
        self.any_date.setAutoRaise(True)
        self.any_date.clicked.connect(lambda: self.set_date_range(None, None))
        self.any_date.hide()

        self.showing = plain(QLabel())
        self.showing.setObjectName("showing")
        # Its full width when there is room, but it never makes the window wider.
        self.showing.setMinimumWidth(1)
        self.showing.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        words = QHBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.search, 1)
        words.addWidget(self.category)
        words.addWidget(self.outlet)
        # A second row: on one line the filters would make the window too wide for a laptop.
        limits = QHBoxLayout()
        limits.setContentsMargins(0, 0, 0, 0)
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date_from)
        date_label.setToolTip(self.tr("The day the article was published"))
        limits.addWidget(date_label)
        limits.addWidget(self.date_from)
        limits.addWidget(QLabel("–"))
        limits.addWidget(self.date_to)
        limits.addWidget(self.any_date)
        limits.addSpacing(8)
        limits.addWidget(self.verdict)
        limits.addWidget(self.conflicts)
        limits.addWidget(self.checked)
        limits.addStretch(1)
        limits.addWidget(self.showing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(words)
        layout.addLayout(limits)

    def _combo(self, name: str, any_text: str, width: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumContentsLength(width)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(any_text, None)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _date_edit(self, name: str, tip: str) -> Any:
        edit = date_limit_edit(name, tip, self.tr("no limit"))
        edit.dateChanged.connect(self._dates_changed)
        return edit

    def _dates_changed(self, _date: QDate) -> None:
        self.any_date.setVisible(date_limit(self.date_from) is not None
                                 or date_limit(self.date_to) is not None)
        self._pause.start()

    # -- what is chosen ---------------------------------------------------------------------
    def choice(self) -> FilterChoice:
        return FilterChoice(
            text=self.search.text().strip(),
            category=self.category.currentData(),
            outlet_id=self.outlet.currentData(),
            rating=self.verdict.currentData(),
            conflicts_only=self.conflicts.isChecked(),
            checked_only=self.checked.isChecked(),
            date_from=date_limit(self.date_from),
            date_to=date_limit(self.date_to),
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def settle(self) -> None:
        """Forget a pending pause: the caller is applying the filter now."""
        self._pause.stop()

    def set_date_range(self, start: Any = None, end: Any = None) -> None:
        """Limit the claims to articles published in [start, end] (None: no limit)."""
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.setDate(QDate(value) if value is not None else NO_DATE_LIMIT)
        self._pause.stop()
        self.changed.emit()

    def set_outlet_enabled(self, enabled: bool) -> None:
        """The Outlets view chooses its outlet from its list; the combo steps aside."""
        self.outlet.setEnabled(enabled)

    def set_categories(self, categories: Sequence[str]) -> None:
        self._refill(self.category, [(category_label(name), name) for name in categories])

    def set_choices(self, categories: Sequence[str], outlets: Sequence[tuple[int, str]]) -> None:
        self.set_categories(categories)
        self.set_outlets(outlets)

    def set_outlets(self, outlets: Sequence[tuple[int, str]]) -> None:
        self._refill(self.outlet, [(name, outlet_id) for outlet_id, name in outlets])

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, Any]]) -> None:
        """Replace a combo's choices (after its "All …" item), keeping the chosen one."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self.changed.emit()  # the chosen one is gone
