"""A table model whose rows load a page at a time off the GUI thread (claims, claim groups).

A reload bumps a generation: pages of an older query that arrive late are dropped. Each model
says how to query its first page (with the total) and the page after the rows it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

from desktop.tasks import run_task
from storage.database import Database
from storage.queries import PAGE_SIZE

ModelIndex = QModelIndex | QPersistentModelIndex
FirstQuery = Callable[[], tuple[int, list[Any]]]  # () -> (total, rows), from one snapshot
NextQuery = Callable[[], list[Any]]  # () -> rows


class PagedModel(QAbstractTableModel):
    """Rows with an ``id``, loaded lazily: one count and one page per reload, then more pages."""

    COLUMNS: tuple[Any, ...] = ()
    TASK = "rows"  # the tasks' name prefix
    loadingChanged = Signal(bool)

    def __init__(self, db: Database, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._db = db
        self._page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._has_more = False
        self._loading = False
        # Bumped by every reload; pages of an older query that arrive late are dropped.
        self._generation = 0

    # -- what a model says ------------------------------------------------------------------
    def _first_query(self) -> FirstQuery:
        """The (total, first page) read of the current filter (a ``storage.reads`` call),
        built on the GUI thread, run on a worker."""
        raise NotImplementedError

    def _next_query(self) -> NextQuery:
        """The read of the page after the rows held, built on the GUI thread."""
        raise NotImplementedError

    def _rows_reset(self) -> None:
        """Called inside the reset, after a reload's rows replaced the old ones."""

    def _known_ids(self) -> Container[int]:
        """The ids of the rows held (a model with an index of them returns that)."""
        return {row.id for row in self._rows}

    def _rows_appended(self, first: int, new: list[Any]) -> None:
        """Called inside the insertion, after ``new`` rows were appended at ``first``."""

    def _first_page_shown(self, total: int) -> None:
        """Called after a reload's first page is shown."""

    def _next_page_shown(self, rows: list[Any]) -> None:
        """Called after a further page arrived (``rows`` as the query returned them)."""

    # -- loading ----------------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._loading

    def total(self) -> int:
        """Rows matching the filter when it was last loaded."""
        return self._total

    def reload(self) -> None:
        """Run the current query again; the rows shown stay until the new ones come."""
        self._generation += 1
        generation, query = self._generation, self._first_query()
        self._set_loading(True)
        run_task(lambda _ctx: query(), name=f"{self.TASK}.first_page", owner=self,
                 on_result=lambda result: self._first_page_loaded(generation, *result))

    def _first_page_loaded(self, generation: int, total: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total
        self._has_more = len(rows) == self._page_size
        self._rows_reset()
        self.endResetModel()
        self._set_loading(False)
        self._first_page_shown(total)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._rows:
            return
        generation, query = self._generation, self._next_query()
        self._set_loading(True)
        run_task(lambda _ctx: query(), name=f"{self.TASK}.next_page", owner=self,
                 on_result=lambda rows: self._next_page_loaded(generation, rows))

    def _next_page_loaded(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._has_more = len(rows) == self._page_size
        # A row that sorts again further down (an edit meanwhile) is already shown.
        known = self._known_ids()
        new = [row for row in rows if row.id not in known]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._rows_appended(first, new)
            self.endInsertRows()
        self._next_page_shown(rows)
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)
