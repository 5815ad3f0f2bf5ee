"""The claims table: its header (widths, hidden columns, sort, column menu), selection and paging."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.claims_model import ClaimsModel
from desktop.settings import Settings
from storage.database import Database
from storage.queries import SortKey

# Narrow defaults so the claim itself gets the room; the detail pane shows it whole.
COLUMN_WIDTHS = (0, 88, 96, 112, 80, 72, 46, 64, 28, 92)
# Status and score start hidden (the sidebar view says the status); the header's context menu
# shows them, and the layout remembers the choice.
HIDDEN_COLUMNS = (SortKey.STATUS, SortKey.SCORE)


class ClaimsTable(QTableView):
    """The claims of the current filter, one page at a time; keeps the reviewer's place."""

    currentClaimChanged = Signal(object)  # the claim id now current, or None
    emptied = Signal()  # a reload left no rows (so no current claim either)
    showingChanged = Signal(str)  # "N of M claims", for the filter bar

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsTable")
        self.claims_model = ClaimsModel(db, self)
        self._reselect_id: int | None = None
        self._select_after_fetch: int | None = None
        self._wanted_claim: tuple[int, int] | None = None  # (claim id, article id) to select
        model = self.claims_model
        self.setModel(model)
        # Connected after setModel: the view's selection model must clear itself on a reset
        # before _reloaded selects a row in the new rows.
        model.modelAboutToBeReset.connect(self._remember_current_claim)
        model.modelReset.connect(self._reloaded)
        model.rowsInserted.connect(self._appended)
        model.totalChanged.connect(lambda _n: self._update_showing())
        model.loadingChanged.connect(lambda _b: self._update_showing())
        model.dataChanged.connect(lambda *_: self._update_showing())  # statuses decided
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        vertical = self.verticalHeader()
        vertical.hide()
        # Fixed row heights keep a list of 100,000 rows cheap to lay out.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._build_header()
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _build_header(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                header.resizeSection(column, width)
        keys = [key for key, _ in self.claims_model.COLUMNS]
        for key in HIDDEN_COLUMNS:
            header.hideSection(keys.index(key))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.columns_menu)
        # Sorting is wired by hand (not setSortingEnabled) so no query runs before the
        # window knows which view it shows.
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(self.claims_model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.claims_model.sort)

    # -- the header's state -----------------------------------------------------------------
    def columns_menu(self, pos: QPoint) -> QMenu:
        """Right-click on the header: choose which columns show (the claim always)."""
        header = self.horizontalHeader()
        menu = QMenu(self.window())
        menu.setObjectName("columnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in range(1, self.claims_model.columnCount()):
            action = menu.addAction(self.claims_model.column_name(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))
        return menu

    def header_key(self) -> str:
        # Keyed by the column count: a state saved with other columns would hide new ones.
        return f"claims-{self.claims_model.columnCount()}"

    def restore_header(self, settings: Settings) -> None:
        header = self.horizontalHeader()
        state = settings.header_state(self.header_key())
        if state is not None and header.restoreState(state):
            # The model has not loaded anything yet: take the remembered sort without a query.
            self.claims_model.set_sort_order(
                header.sortIndicatorSection(), header.sortIndicatorOrder())

    def save_header(self, settings: Settings) -> None:
        settings.set_header_state(self.header_key(), self.horizontalHeader().saveState())

    # -- selection --------------------------------------------------------------------------
    def current_claim_id(self) -> int | None:
        index = self.selectionModel().currentIndex()
        claim = self.claims_model.claim_at(index.row()) if index.isValid() else None
        return claim.id if claim else None

    def selected_claim_ids(self) -> list[int]:
        rows = [index.row() for index in self.selectionModel().selectedRows()]
        return [claim.id for claim in self.claims_model.claims_at(rows)]

    def has_selection(self) -> bool:
        return self.selectionModel().hasSelection()

    def select_row(self, row: int) -> None:
        index = self.claims_model.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)

    def select_claim(self, claim_id: int) -> bool:
        """Select a claim's row if the table lists it; False if it does not."""
        row = self.claims_model.row_of(claim_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def want_claim(self, claim_id: int, article_id: int) -> None:
        """Select this claim when a reload lists it (it belongs to ``article_id``)."""
        self._wanted_claim = (claim_id, article_id)

    def move_selection(self, step: int) -> None:
        """Go to the next (or previous) claim, loading the next page at the end of the list."""
        current = self.selectionModel().currentIndex()
        row = current.row() + step if current.isValid() else 0
        if row >= self.claims_model.rowCount():
            if self.claims_model.canFetchMore(QModelIndex()):
                self._select_after_fetch = row
                self.claims_model.fetchMore(QModelIndex())
            return
        self.select_row(max(row, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim = self.claims_model.claim_at(current.row()) if current.isValid() else None
        self.currentClaimChanged.emit(claim.id if claim else None)

    # -- keeping the place across reloads ---------------------------------------------------
    def _remember_current_claim(self) -> None:
        self._reselect_id = self.current_claim_id()

    def _reloaded(self) -> None:
        # Keep the reviewer on the claim they were reading if it is still listed; otherwise
        # start at the top so the keyboard flow (A, R, J, K) works at once.
        model = self.claims_model
        row = model.row_of(self._reselect_id) if self._reselect_id else None
        self._reselect_id = None
        if self._wanted_claim is not None:
            claim_id, article_id = self._wanted_claim
            wanted_row = model.row_of(claim_id)
            if wanted_row is not None:
                row = wanted_row
            if wanted_row is not None or model.filter().article_id == article_id:
                self._wanted_claim = None
        self._select_after_fetch = None
        if model.rowCount() == 0:
            self.emptied.emit()
        else:
            self.select_row(row if row is not None else 0)
        self._update_showing()

    def _appended(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        row = self._select_after_fetch
        if row is not None and row < self.claims_model.rowCount():
            self._select_after_fetch = None
            self.select_row(row)
        self._update_showing()

    def _update_showing(self) -> None:
        model = self.claims_model
        if model.is_loading() and model.rowCount() == 0:
            text = self.tr("Loading…")
        elif model.rowCount() < model.total():
            text = self.tr("{shown:,} of {total:,} claims").format(
                shown=model.rowCount(), total=model.total())
        else:
            text = self.tr("{total:,} claims").format(total=model.total())
        decided = model.decided_since_loaded()
        if decided and not model.is_loading():
            # The sidebar already counts them elsewhere: say why the list still shows them.
            text = self.tr("{left:,} claims (+{n:,} decided, shown until refresh)").format(
                left=max(model.total() - decided, 0), n=decided)
        self.showingChanged.emit(text)
