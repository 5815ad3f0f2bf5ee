"""The claims table's model: pages of ClaimRow loaded lazily off the GUI thread.

Like calibre's library model, the view never causes a query per cell: a filter or sort change
runs one count and one page query in a worker, and scrolling near the end asks for the next
page (``canFetchMore``/``fetchMore``). Rows changed by the reviewer are updated in place, and
the next page continues after the last loaded row's sort value (a keyset cursor), so claims
that left the filter do not shift what comes next.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.appearance import colour
from desktop.paged_model import FirstQuery, NextQuery, PagedModel
from desktop.verdict_labels import CONFLICT_COLOURS, conflict_text, rating_swatch, rating_text
from storage.database import Database
from storage.models import ClaimStatus
from storage.queries import (
    PAGE_SIZE,
    ClaimFilter,
    ClaimRow,
    PageCursor,
    SortKey,
)
from storage.reads import first_claims_page, next_claims_page

ModelIndex = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    """A claim status as the reviewer reads it."""
    labels = {
        ClaimStatus.PROPOSED: QCoreApplication.translate("ClaimStatus", "Proposed"),
        ClaimStatus.ACCEPTED: QCoreApplication.translate("ClaimStatus", "Accepted"),
        ClaimStatus.REJECTED: QCoreApplication.translate("ClaimStatus", "Rejected"),
    }
    return labels.get(status, status)


_CATEGORY_LABELS = {
    "territory": QT_TRANSLATE_NOOP("ClaimCategory", "Territory"),
    "casualties": QT_TRANSLATE_NOOP("ClaimCategory", "Casualties"),
    "minsk": QT_TRANSLATE_NOOP("ClaimCategory", "Minsk agreements"),
    "negotiations": QT_TRANSLATE_NOOP("ClaimCategory", "Negotiations"),
    "poll": QT_TRANSLATE_NOOP("ClaimCategory", "Poll"),
    "other_numeric": QT_TRANSLATE_NOOP("ClaimCategory", "Other figures"),
}


def category_label(category: str | None) -> str:
    """A claim category (an extractor code such as ``other_numeric``) as people read it."""
    if not category:
        return ""
    if category in _CATEGORY_LABELS:
        return QCoreApplication.translate("ClaimCategory", _CATEGORY_LABELS[category])
    return category.replace("_", " ").capitalize()


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_CLAIM_ID = Qt.ItemDataRole.UserRole.value + 1
_HANDLED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _DECORATION, _CLAIM_ID})
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_ACCEPTED_COLOURS = (QColor(0x1B, 0x7F, 0x3B), QColor(0x7B, 0xD8, 0x8F))  # light, dark

# What each column shows for a claim.
_SHOWN: dict[str, Callable[[ClaimRow], str]] = {
    SortKey.SENTENCE: lambda c: c.sentence,
    SortKey.CATEGORY: lambda c: category_label(c.category),
    SortKey.FIGURES: lambda c: c.figures,
    SortKey.OUTLET: lambda c: c.outlet,
    SortKey.PUBLISHED: lambda c: c.published.isoformat() if c.published else "",
    SortKey.STATUS: lambda c: status_label(c.status),
    SortKey.SCORE: lambda c: f"{c.score:.2f}",
    SortKey.GROUP_SIZE: lambda c: str(c.group_size),
    # A narrow column: the sign alone, its meaning in the header and cell tooltips.
    SortKey.CONFLICT: lambda c: "⚠" if c.has_conflict else "",
    SortKey.VERDICT: lambda c: rating_text(c.rating) if c.rating else "",
    SortKey.CHECKED: lambda c: "✓" if c.already_checked else "",
}


class ClaimsModel(PagedModel):
    """Claims matching a ClaimFilter, sorted by one column, loaded a page at a time."""

    # (sort key, header); the order is the column order.
    COLUMNS: tuple[tuple[str, str], ...] = (
        (SortKey.SENTENCE, QT_TRANSLATE_NOOP("ClaimsModel", "Claim")),
        (SortKey.CATEGORY, QT_TRANSLATE_NOOP("ClaimsModel", "Category")),
        (SortKey.FIGURES, QT_TRANSLATE_NOOP("ClaimsModel", "Figures")),
        (SortKey.OUTLET, QT_TRANSLATE_NOOP("ClaimsModel", "Outlet")),
        (SortKey.PUBLISHED, QT_TRANSLATE_NOOP("ClaimsModel", "Date")),
        (SortKey.STATUS, QT_TRANSLATE_NOOP("ClaimsModel", "Status")),
        (SortKey.SCORE, QT_TRANSLATE_NOOP("ClaimsModel", "Score")),
        (SortKey.GROUP_SIZE, QT_TRANSLATE_NOOP("ClaimsModel", "In outlets")),
        (SortKey.CONFLICT, "⚠"),
        (SortKey.VERDICT, QT_TRANSLATE_NOOP("ClaimsModel", "Verdict")),
        (SortKey.CHECKED, QT_TRANSLATE_NOOP("ClaimsModel", "Checked")),
    )
    COLUMN_TIPS = {
        SortKey.SCORE: QT_TRANSLATE_NOOP(
            "ClaimsModel", "How check-worthy the sentence looks (0–1)"),
        SortKey.GROUP_SIZE: QT_TRANSLATE_NOOP(
            "ClaimsModel", "How many outlets state this claim (its claim group)"),
        SortKey.CONFLICT: QT_TRANSLATE_NOOP(
            "ClaimsModel", "Conflict: another claim group states this claim with other figures"),
        SortKey.VERDICT: QT_TRANSLATE_NOOP(
            "ClaimsModel", "The rating of the claim group's verdict"),
        SortKey.CHECKED: QT_TRANSLATE_NOOP(
            "ClaimsModel", "Already checked: a published fact-check in the library states "
            "nearly the same claim (see Already checked in the claim's detail)"),
    }
    # Names for menus where a header is only a sign.
    COLUMN_NAMES = {SortKey.CONFLICT: QT_TRANSLATE_NOOP("ClaimsModel", "Conflict")}
    ClaimIdRole = _CLAIM_ID
    # Per column, looked up by index in data(): no per-cell work beyond one call.
    _DISPLAYS = tuple(_SHOWN[key] for key, _ in COLUMNS)
    _ALIGNMENTS = tuple(
        _RIGHT if key in (SortKey.SCORE, SortKey.GROUP_SIZE) else _LEFT for key, _ in COLUMNS)
    _STATUS_COLUMN = [key for key, _ in COLUMNS].index(SortKey.STATUS)
    _CONFLICT_COLUMN = [key for key, _ in COLUMNS].index(SortKey.CONFLICT)
    _VERDICT_COLUMN = [key for key, _ in COLUMNS].index(SortKey.VERDICT)

    TASK = "claims"
    # After a new filter/sort is loaded: the number of claims matching it.
    totalChanged = Signal(int)

    def __init__(self, db: Database, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(db, parent, page_size=page_size)
        self._filter = ClaimFilter()
        self._sort_key = SortKey.PUBLISHED
        self._descending = True
        self._row_of: dict[int, int] = {}
        self._receding = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)

    # -- what is shown ----------------------------------------------------------------------
    def filter(self) -> ClaimFilter:
        return self._filter

    def set_filter(self, flt: ClaimFilter) -> None:
        self._filter = flt
        self.reload()

    # Qt naming for the brief's API; both spellings reach the same code.
    setFilter = set_filter

    def sort_order(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.set_sort_order(column, order):
            self.reload()

    def set_sort_order(self, column: int, order: Qt.SortOrder) -> bool:
        """Choose the sort without loading; True if it changed."""
        if not 0 <= column < len(self.COLUMNS):
            return False
        key = self.COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return False
        self._sort_key, self._descending = key, descending
        return True

    def sort_column(self) -> int:
        return next(i for i, (key, _) in enumerate(self.COLUMNS) if key == self._sort_key)

    # -- loading ----------------------------------------------------------------------------
    def _first_query(self) -> FirstQuery:
        db, flt, key, desc, limit = (self._db, self._filter, self._sort_key, self._descending,
                                     self._page_size)
        return lambda: first_claims_page(db, flt, key, desc, limit)

    def _next_query(self) -> NextQuery:
        db, flt, key, desc, limit = (self._db, self._filter, self._sort_key, self._descending,
                                     self._page_size)
        cursor = PageCursor.after(self._rows[-1])
        return lambda: next_claims_page(db, flt, key, desc, limit, cursor)

    def _rows_reset(self) -> None:
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}

    def _known_ids(self) -> dict[int, int]:
        return self._row_of

    def _rows_appended(self, first: int, new: list[ClaimRow]) -> None:
        self._row_of.update((row.id, first + i) for i, row in enumerate(new))

    def _first_page_shown(self, total: int) -> None:
        self.totalChanged.emit(total)

    # -- local changes ----------------------------------------------------------------------
    def apply_statuses(self, statuses: Mapping[int, str]) -> None:
        """Show new statuses the database already holds, without reloading the list."""
        changed = []
        for claim_id, status in statuses.items():
            row = self._row_of.get(claim_id)
            if row is not None and self._rows[row].status != status:
                self._rows[row] = dataclasses.replace(self._rows[row], status=status)
                changed.append(row)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(self.COLUMNS) - 1)
            )

    def decided_since_loaded(self) -> int:
        """Rows whose status no longer matches the view's (decided since the list loaded)."""
        wanted = self._filter.status
        return 0 if wanted is None else sum(1 for c in self._rows if c.status != wanted)

    def apply_fields(self, claim_id: int, fields: Mapping[str, Any]) -> None:
        """Show edited fields (category, claimant) the database already holds."""
        row = self._row_of.get(claim_id)
        shown = {key: value for key, value in fields.items() if key in ("category", "claimant")}
        if row is None or not shown:
            return
        self._rows[row] = dataclasses.replace(self._rows[row], **shown)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # -- access -----------------------------------------------------------------------------
    def claim_at(self, row: int) -> ClaimRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, claim_id: int) -> int | None:
        return self._row_of.get(claim_id)

    def claims_at(self, rows: Iterable[int]) -> list[ClaimRow]:
        return [self._rows[r] for r in sorted(set(rows)) if 0 <= r < len(self._rows)]

    # -- QAbstractTableModel ----------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key, header = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(header)
        if role == Qt.ItemDataRole.ToolTipRole and key in self.COLUMN_TIPS:
            return self.tr(self.COLUMN_TIPS[key])
        return None

    def column_name(self, column: int) -> str:
        key, header = self.COLUMNS[column]
        return self.tr(self.COLUMN_NAMES.get(key, header))

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each repaint: unhandled roles leave
        # at once, and roles are compared as plain ints (a Qt enum comparison costs ~30x more).
        if role not in _HANDLED_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        claim = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._DISPLAYS[column](claim)
        if role == _ALIGNMENT:
            return self._ALIGNMENTS[column]
        if role == _FOREGROUND:
            if claim.status == ClaimStatus.REJECTED:
                return self._receding  # rejected claims stay readable but recede
            if claim.status == ClaimStatus.ACCEPTED and (
                    column == self._STATUS_COLUMN or self._filter.status == ClaimStatus.PROPOSED):
                # In the Inbox a claim accepted since the list loaded is green all along its
                # row, so it no longer looks like the proposed ones around it (#17.14).
                return colour(*_ACCEPTED_COLOURS)
            if column == self._CONFLICT_COLUMN and claim.has_conflict:
                return colour(*CONFLICT_COLOURS)
            return None
        if role == _DECORATION:
            # The rating's colour beside its name, never instead of it.
            if column == self._VERDICT_COLUMN and claim.rating:
                return rating_swatch(claim.rating)
            return None
        if role == _TOOLTIP:
            if column == 0:
                return claim.sentence + (f"\n— {claim.claimant}" if claim.claimant else "")
            if column == self._CONFLICT_COLUMN:
                return conflict_text(claim.has_conflict, tooltip=True)
            return self._DISPLAYS[column](claim) or None
        return claim.id  # ClaimIdRole
