"""A small table of whole rows (articles, outlets) above the claims, loaded off the GUI thread.

These lists are short next to the claims (thousands, not hundreds of thousands), so they are
loaded in one query and sorted in memory by a proxy; choosing a row narrows the claims table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.tasks import run_task
from storage.database import Database

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # marked with QT_TRANSLATE_NOOP in the panel's context
    value: Callable[[R], Any]
    numeric: bool = False


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sortable(value: Any) -> Any:
    # The proxy cannot compare None with a date or a string; ISO dates sort as text.
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.casefold()
    return value


class RowListModel(QAbstractTableModel):
    """Read-only rows (frozen dataclasses with an ``id``) shown through a list of columns."""

    def __init__(self, columns: Sequence[Column[Any]], context: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._context = context
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(column.value(row))
        if role == SortRole:
            return _sortable(column.value(row))
        if role == IdRole:
            return row.id  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BrowsePanel(QWidget):
    """A sortable table of rows; emits the chosen row's id (None when nothing is chosen)."""

    chosen = Signal(object)  # int | None
    loaded = Signal()

    CONTEXT = "BrowsePanel"
    COLUMNS: Sequence[Column[Any]] = ()
    STRETCH_COLUMN = 0
    SORT_COLUMN = 0
    SORT_ORDER = Qt.SortOrder.AscendingOrder

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self.model = RowListModel(self.COLUMNS, self.CONTEXT, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.sortByColumn(self.SORT_COLUMN, self.SORT_ORDER)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def load_rows(self, session: Any) -> list[Any]:
        raise NotImplementedError

    def reload(self, select_id: int | None = None) -> None:
        """Load the rows again, keeping (or moving to) the chosen row."""
        keep = select_id if select_id is not None else self.current_id()
        self._generation += 1
        generation = self._generation

        def load(_ctx: Any) -> list[Any]:
            with self._db.read() as session:
                return self.load_rows(session)

        run_task(load, name=f"{self.CONTEXT}.reload",
                 on_result=lambda rows: self._loaded(generation, rows, keep), owner=self)

    def _loaded(self, generation: int, rows: list[Any], keep: int | None) -> None:
        if generation != self._generation:
            return
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        if keep is None or not self.select_id(keep):
            # The chosen row is gone (or there was none): say so, the claims follow.
            self.chosen.emit(None)
        self.loaded.emit()

    def select_id(self, row_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(IdRole) == row_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def clear_choice(self) -> None:
        self.table.clearSelection()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.chosen.emit(self.current_id())
