"""A small table of whole rows (articles, outlets) above the claims, loaded off the GUI thread.

These lists are short next to the claims (thousands, not hundreds of thousands), so they are
loaded in one query and sorted in memory by the model itself: a QSortFilterProxyModel would
call data() from C++ for every comparison (0.5 s for 1,000 articles on these machines).
Choosing a row narrows the claims table.
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
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.tasks import run_task
from storage.database import Database

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # marked with QT_TRANSLATE_NOOP in the panel's context
    value: Callable[[R], Any]
    numeric: bool = False
    width: int = 0  # the default width in pixels; 0 leaves it to the stretch column


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sort_key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


class RowListModel(QAbstractTableModel):
    """Read-only rows (frozen dataclasses with an ``id``) shown through a list of columns."""

    def __init__(self, columns: Sequence[Column[Any]], context: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._context = context
        self._rows: list[Any] = []
        self._sort_column: int | None = None
        self._descending = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: Sequence[Any]) -> list[Any]:
        if self._sort_column is None:
            return list(rows)
        value = self._columns[self._sort_column].value
        # Rows without a value (an undated article) go last in either direction, and are
        # never compared with a date or a number.
        known = [row for row in rows if value(row) is not None]
        unknown = [row for row in rows if value(row) is None]
        return sorted(known, key=lambda row: _sort_key(value(row)), reverse=self._descending) + unknown

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        # The selection follows its rows to their new places.
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]
        self._rows = self._sorted(self._rows)
        rows = self.row_by_id()
        self.changePersistentIndexList(
            persistent,
            [self.index(rows[i], index.column()) for i, index in zip(ids, persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def row_by_id(self) -> dict[int, int]:
        return {row.id: i for i, row in enumerate(self._rows)}

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
        if role == IdRole:
            return row.id  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BrowsePanel(QWidget):
    """A sortable table of rows; emits the chosen row's id (None when nothing is chosen)."""

    chosen = Signal(object)  # int | None

    CONTEXT = "BrowsePanel"
    COLUMNS: Sequence[Column[Any]] = ()
    STRETCH_COLUMN = 0
    SORT_COLUMN = 0
    SORT_ORDER = Qt.SortOrder.AscendingOrder

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self._wanted: int | None = None
        self.model = RowListModel(self.COLUMNS, self.CONTEXT, self)

        self.table = QTableView(self)
        self.table.setModel(self.model)
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
        for section, column in enumerate(self.COLUMNS):
            if column.width:
                header.resizeSection(section, column.width)
        header.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def load_rows(self) -> list[Any]:
        """The rows, read through ``storage.reads`` (runs on a worker thread)."""
        raise NotImplementedError

    def reload(self, select_id: int | None = None) -> None:
        """Load the rows again, keeping (or moving to) the chosen row."""
        if select_id is not None:
            self._wanted = select_id
        self._generation += 1
        generation = self._generation

        run_task(lambda _ctx: self.load_rows(), name=f"{self.CONTEXT}.reload",
                 on_result=lambda rows: self._loaded(generation, rows), owner=self)

    def _loaded(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        # Decided now, not when the reload started: the reviewer may have chosen a row since.
        keep = self._wanted if self._wanted is not None else self.current_id()
        self._wanted = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        if keep is None or not self.select_id(keep):
            # The chosen row is gone (or there was none): say so, the claims follow.
            self.chosen.emit(None)

    def select_id(self, row_id: int) -> bool:
        row = self.model.row_by_id().get(row_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.chosen.emit(self.current_id())
