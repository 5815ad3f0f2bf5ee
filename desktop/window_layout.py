"""The main window's centre (sidebar, claims or groups, detail) and its layout saved by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop.claims_table import ClaimsTable
from desktop.settings import Settings

DEFAULT_SIZE = (1400, 860)


class CentreLayout:
    """Sidebar | (browse lists over the filtered claims table) or the groups list | detail."""

    def __init__(self, sidebar: QWidget, browse: list[QWidget], filters: QWidget,
                 table: ClaimsTable, detail: QWidget, groups_panel: QWidget,
                 group_pane: QWidget, detail_splitter: QSplitter) -> None:
        self.table = table
        self.detail, self.groups_panel, self.group_pane = detail, groups_panel, group_pane
        self._detail_splitter = detail_splitter
        self._claims_sizes: list[int] | None = None
        self.browse_stack = QStackedWidget()
        for widget in browse:
            self.browse_stack.addWidget(widget)

        claims_box = QWidget()
        claims_layout = QVBoxLayout(claims_box)
        claims_layout.setContentsMargins(0, 0, 0, 0)
        claims_layout.addWidget(filters)
        claims_layout.addWidget(table)

        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("centreSplitter")
        self.centre_splitter.addWidget(self.browse_stack)
        self.centre_splitter.addWidget(claims_box)
        self.centre_splitter.setChildrenCollapsible(False)
        self.centre_splitter.setSizes([240, 560])

        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.centre_splitter)
        self.centre_stack.addWidget(groups_panel)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(detail)
        self.detail_stack.addWidget(group_pane)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(sidebar)
        self.main_splitter.addWidget(self.centre_stack)
        self.main_splitter.addWidget(self.detail_stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.setSizes([170, 870, 400])

    def splitters(self) -> tuple[QSplitter, ...]:
        return (self.main_splitter, self.centre_splitter, self._detail_splitter)

    def set_groups_mode(self, groups: bool) -> None:
        """Swap the claims table and detail for the groups list and group pane (wider)."""
        if groups == (self.centre_stack.currentWidget() is self.groups_panel):
            return
        if groups:
            self._claims_sizes = self.main_splitter.sizes()
            self.centre_stack.setCurrentWidget(self.groups_panel)
            self.detail_stack.setCurrentWidget(self.group_pane)
            side, rest = self._claims_sizes[0], sum(self._claims_sizes[1:])
            self.main_splitter.setSizes([side, rest // 2, rest - rest // 2])
        else:
            self.centre_stack.setCurrentWidget(self.centre_splitter)
            self.detail_stack.setCurrentWidget(self.detail)
            if self._claims_sizes:
                self.main_splitter.setSizes(self._claims_sizes)

    def restore(self, window: QMainWindow, settings: Settings) -> None:
        """Geometry, toolbars, each splitter by its object name, and the claims header."""
        if settings.window_geometry is not None:
            window.restoreGeometry(settings.window_geometry)
        else:
            window.resize(*DEFAULT_SIZE)
        if settings.window_state is not None:
            window.restoreState(settings.window_state)
        for splitter in self.splitters():
            state = settings.splitter_state(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)
        self.table.restore_header(settings)

    def save(self, window: QMainWindow, settings: Settings) -> None:
        self.set_groups_mode(False)  # the remembered layout is the claims one
        settings.window_geometry = window.saveGeometry()
        settings.window_state = window.saveState()
        for splitter in self.splitters():
            settings.set_splitter_state(splitter.objectName(), splitter.saveState())
        self.table.save_header(settings)
        settings.sync()
