"""The Claim groups view: every claim group with its outlets, conflict marker and verdict, paged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QItemSelection,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.appearance import colour
from desktop.claims_model import category_label
from desktop.paged_model import FirstQuery, NextQuery, PagedModel
from desktop.verdict_labels import (
    CONFLICT_COLOURS,
    conflict_text,
    rating_swatch,
    rating_text,
    verdict_status_text,
)
from storage.database import Database
from storage.queries import PAGE_SIZE, GroupFilter, GroupRow
from storage.reads import first_groups_page, next_groups_page

ModelIndex = QModelIndex | QPersistentModelIndex
GROUP_MIME = "application/x-claimdesk-claim-group"
CLAIM_MIME = "application/x-claimdesk-appearance"


def group_mime(group_id: int) -> QMimeData:
    """What a dragged claim group carries: its id."""
    data = QMimeData()
    data.setData(GROUP_MIME, QByteArray(str(group_id).encode("ascii")))
    data.setText(f"#{group_id}")
    return data


def dragged_group(data: QMimeData) -> int | None:
    if not data.hasFormat(GROUP_MIME):
        return None
    try:
        return int(bytes(data.data(GROUP_MIME).data()).decode("ascii"))
    except ValueError:
        return None


def claim_mime(group_id: int, claim_id: int) -> QMimeData:
    """What a dragged appearance carries: its claim group and its claim."""
    data = QMimeData()
    data.setData(CLAIM_MIME, QByteArray(f"{group_id} {claim_id}".encode("ascii")))
    return data


def dragged_claim(data: QMimeData) -> tuple[int, int] | None:
    """(claim group, claim) of a dragged appearance, or None."""
    if not data.hasFormat(CLAIM_MIME):
        return None
    try:
        group_id, claim_id = map(int, bytes(data.data(CLAIM_MIME).data()).decode("ascii").split())
    except ValueError:
        return None
    return group_id, claim_id

GroupIdRole = Qt.ItemDataRole.UserRole + 1


class GroupsModel(PagedModel):
    """Claim groups, most widely stated first, loaded a page at a time off the GUI thread."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("GroupsModel", "Claim"),
        QT_TRANSLATE_NOOP("GroupsModel", "Category"),
        QT_TRANSLATE_NOOP("GroupsModel", "Outlets"),
        QT_TRANSLATE_NOOP("GroupsModel", "Conflict"),
        QT_TRANSLATE_NOOP("GroupsModel", "Verdict"),
        QT_TRANSLATE_NOOP("GroupsModel", "Status"),
    )
    TASK = "groups"
    loaded = Signal()  # after a reload's first page arrived
    # (target, source): a group was dropped on another one in the list
    mergeRequested = Signal(int, int)
    # (from group, claim, to group): an appearance was dropped on another group
    moveRequested = Signal(int, int, int)
    # (group, claim): an appearance was dropped on the list, not on a group
    splitRequested = Signal(int, int)

    def __init__(self, db: Database, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(db, parent, page_size=page_size)
        self.filter = GroupFilter()

    def set_filter(self, flt: GroupFilter) -> None:
        """Show only the groups ``flt`` lets through (from the next reload on)."""
        self.filter = flt

    def _first_query(self) -> FirstQuery:
        db, limit, flt = self._db, self._page_size, self.filter
        return lambda: first_groups_page(db, flt, limit)

    def _next_query(self) -> NextQuery:
        db, limit, flt, last = self._db, self._page_size, self.filter, self._rows[-1]
        return lambda: next_groups_page(db, flt, limit, last)

    def _first_page_shown(self, total: int) -> None:
        self.loaded.emit()

    def _next_page_shown(self, rows: list[GroupRow]) -> None:
        if len(rows) < self._page_size:
            self._total = len(self._rows)  # the list shrank meanwhile

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def group_at(self, row: int) -> GroupRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, group_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == group_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    # -- drag one group onto another to merge them --------------------------------------------
    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [GROUP_MIME, CLAIM_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt API)
        group = self.group_at(indexes[0].row()) if indexes else None
        return group_mime(group.id) if group is not None else QMimeData()

    def _drop_target(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple[int, int] | None:
        source = dragged_group(data)
        # Dropped onto a row (not between rows): that row's group is the target.
        target = self.group_at(parent.row()) if parent.isValid() else self.group_at(row)
        if source is None or target is None or target.id == source:
            return None
        return target.id, source

    def _claim_drop(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple[int, ...] | None:
        """(from, claim, to) for an appearance dropped on another group; (from, claim) for
        one dropped on the list itself (split out); None when the drop means nothing."""
        claim = dragged_claim(data)
        if claim is None:
            return None
        target = self.group_at(parent.row()) if parent.isValid() else self.group_at(row)
        if target is None:
            return claim
        return None if target.id == claim[0] else (*claim, target.id)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: ModelIndex) -> bool:
        return (self._drop_target(data, row, parent) is not None
                or self._claim_drop(data, row, parent) is not None)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: ModelIndex) -> bool:
        # Nothing is removed here: the list reloads once the change is stored.
        found = self._drop_target(data, row, parent)
        if found is not None:
            self.mergeRequested.emit(*found)
            return False
        claim = self._claim_drop(data, row, parent)
        if claim is not None and len(claim) == 3:
            self.moveRequested.emit(*claim)
        elif claim is not None:
            self.splitRequested.emit(*claim)
        return False

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        g = self.group_at(index.row())
        if g is None:
            return None
        column = index.column()
        if role == GroupIdRole:
            return g.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return g.canonical_text
            if column == 1:
                return category_label(g.category)
            if column == 2:
                return str(g.outlets)
            if column == 3:
                return conflict_text(g.has_conflict, role == Qt.ItemDataRole.ToolTipRole)
            if column == 4:
                return rating_text(g.rating)
            return verdict_status_text(g.verdict_status)
        if role == Qt.ItemDataRole.DecorationRole and column == 4 and g.rating is not None:
            return rating_swatch(g.rating)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return colour(*CONFLICT_COLOURS)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class GroupsPanel(QWidget):
    """The list of claim groups; ``chosen`` fires with the selected group's id (or None)."""

    chosen = Signal(object)  # int | None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = GroupsModel(db, self)
        self.model.loaded.connect(self._loaded)
        self._wanted: int | None = None
        self._clear_if_missing = False

        self.showing = QLabel()
        self.showing.setObjectName("groupsShowing")
        self.table = QTableView()
        self.table.setObjectName("groupsTable")
        self.table.setModel(self.model)
        # Drag a group onto another to merge it in (undoable, like the Merge button).
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDragDropOverwriteMode(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setIconSize(QSize(12, 12))
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 84, 54, 74, 112, 78)):
            if width:
                header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.showing)
        layout.addWidget(self.table)

    def reload(self, select_id: int | None = None, *, clear_if_missing: bool = False) -> None:
        """Load the list again, keeping (or moving to) the chosen group. With
        ``clear_if_missing`` (another view) a chosen group the list no longer holds is
        un-chosen, so the pane never shows a group the view does not list (#17.7)."""
        self._wanted = select_id if select_id is not None else self.current_id()
        self._clear_if_missing = clear_if_missing
        self.model.reload()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(GroupIdRole) if rows else None

    def select_id(self, group_id: int) -> bool:
        if self._wanted is not None:
            self._wanted = group_id  # a reload is on its way: the latest choice wins
        row = self.model.row_of(group_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def move_selection(self, step: int) -> None:
        """Go to the next (or previous) group, loading the next page at the end of the list."""
        current = self.table.selectionModel().currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        elif self.model.canFetchMore():
            self.model.fetchMore()

    def stay_on(self, group_id: int) -> None:
        """Show ``group_id`` as chosen without announcing it (the pane already shows it)."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if not self.select_id(group_id):
            self.table.clearSelection()
        selection.blockSignals(False)
        self.table.viewport().update()

    def _loaded(self) -> None:
        self.showing.setText(self.tr("{n:,} claim groups").format(n=self.model.total()))
        wanted, self._wanted = self._wanted, None
        clear, self._clear_if_missing = self._clear_if_missing, False
        if wanted is not None and self.select_id(wanted):
            return
        if wanted is None and self.model.rowCount():
            self.table.selectRow(0)
        elif clear:
            self.table.clearSelection()
            self.chosen.emit(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        group_id = self.current_id()
        if group_id is not None:
            self.chosen.emit(group_id)
