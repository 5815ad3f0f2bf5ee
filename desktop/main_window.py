"""The main window: views in the sidebar, the claims table, the claim's detail, and the actions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import tasks
from desktop.articles_view import ArticlesPanel
from desktop.claim_detail import ClaimDetailPane
from desktop.claim_edits import ClaimEdits
from desktop.claim_filters import ClaimFilterBar
from desktop.claims_model import ClaimsModel
from desktop.database_menu import DatabaseMenu
from desktop.export_actions import ExportKind, Exports
from desktop.group_ops import GroupOps, VerdictOps
from desktop.group_pane import GroupPane
from desktop.groups_view import GroupsPanel
from desktop.import_actions import Imports, dropped_paths
from desktop.outlets_view import OutletsPanel
from desktop.preferences import PreferencesDialog
from desktop.review import Review
from desktop.settings import Settings
from desktop.sidebar import Sidebar, View
from desktop.tasks import Task, TaskContext, TaskProgressDialog, run_task
from desktop.verdict_labels import rating_swatch, rating_text
from export.ratings import RATING_ORDER
from matching.incremental import MatchReport, run_matching
from storage.backup import make_backup, set_default_keep
from storage.database import Database
from storage.errors import StorageError, WriteRefused
from storage.models import ClaimStatus
from storage.queries import (
    ClaimFilter,
    ReviewCounts,
    SortKey,
    list_categories,
    outlet_names,
    review_counts,
)
from storage.verdicts import VerdictDraft

COUNTS_DELAY_MS = 150


class MainWindow(QMainWindow):
    """One open database, reviewed by one person."""

    appearanceChanged = Signal()  # the light/dark preference changed

    def __init__(
        self, db: Database, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings if settings is not None else Settings()
        self.counts = ReviewCounts()
        self.progress_dialog: TaskProgressDialog | None = None
        self.message_box: QMessageBox | None = None
        self.about_dialog: Any = None  # desktop.about_dialog.AboutDialog, while open
        self._article_id: int | None = None
        self._outlet_id: int | None = None
        self._reselect_id: int | None = None
        self._select_after_fetch: int | None = None
        self._wanted_claim: tuple[int, int] | None = None  # (claim id, article id) to select

        # Only the database: the platform appends the application's name ("… — Claimdesk").
        self.setWindowTitle(db.path.name if db.path is not None else db.location)
        self.setAcceptDrops(True)

        self.undo_stack = QUndoStack(self)
        self.review = Review(db, self.settings.actor, self.undo_stack, self)
        self.review.statusesChanged.connect(self._statuses_changed)
        self.review.failed.connect(self.show_error)
        self.group_ops = GroupOps(db, self.settings.actor, self.undo_stack, self)
        self.group_ops.failed.connect(self.show_error)
        self.group_ops.changed.connect(lambda _gid, _msg: self._groups_changed())
        self.claim_edits = ClaimEdits(db, self.settings.actor, self.review, self)
        self.claim_edits.failed.connect(self.show_error)
        self.claim_edits.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.claim_edits.created.connect(self._claim_created)
        self.claim_edits.edited.connect(self._claim_edited)
        self.verdict_ops = VerdictOps(db, self.settings.actor, self.undo_stack, self)
        self.verdict_ops.failed.connect(self.show_error)
        self.verdict_ops.saved.connect(lambda _gid, _version: self._groups_changed())
        self.exports = Exports(db, self.settings, self)
        self.exports.message.connect(self._show_outcome)
        self.exports.error.connect(self.show_error)
        self.exports.imported.connect(self._groups_changed)
        self.database_menu = DatabaseMenu(db, self.settings, self)
        self.imports = Imports(db, self.settings, self, self._task_failed,
                               lambda: [row.name for row in self.outlets_panel.model.rows()])
        self.imports.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.imports.error.connect(self.show_error)
        self.imports.changed.connect(self.refresh_all)
        self.imports.articleStored.connect(self._show_stored_article)
        self.database_menu.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        tasks.notices().connectionProblem.connect(self.show_connection_problem)
        self.database_menu.error.connect(self.show_error)
        self.database_menu.copiedIn.connect(self.refresh_all)
        self.database_menu.copiedIn.connect(self._groups_changed)
        self._close_settled = False
        self.matching_task: Task | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self._pending_group: int | None = None
        self._claims_sizes: list[int] | None = None

        self._build_centre()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_layout()

        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._load_counts)

        self.sidebar.set_view(View.INBOX)
        self.refresh_counts()
        self._load_categories()
        self.table.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.sidebar = Sidebar()
        self.sidebar.viewChosen.connect(self._view_chosen)

        self.filters = ClaimFilterBar()
        self.filters.changed.connect(self.apply_filter)
        # The bar's widgets by their names, for the shortcuts and the tests.
        self.search = self.filters.search
        self.category = self.filters.category
        self.date_from, self.date_to = self.filters.date_from, self.filters.date_to
        self.any_date, self.showing = self.filters.any_date, self.filters.showing

        self.claims_model = ClaimsModel(self.db, self)
        self.table = QTableView()
        self.table.setObjectName("claimsTable")
        self.table.setModel(self.claims_model)
        # Connected after setModel: the view's selection model must clear itself on a reset
        # before _claims_reloaded selects a row in the new rows.
        self.claims_model.modelAboutToBeReset.connect(self._remember_current_claim)
        self.claims_model.modelReset.connect(self._claims_reloaded)
        self.claims_model.rowsInserted.connect(self._claims_appended)
        self.claims_model.totalChanged.connect(lambda _n: self._update_showing())
        self.claims_model.loadingChanged.connect(lambda _b: self._update_showing())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights keep a list of 100,000 rows cheap to lay out.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # Narrow defaults so the claim itself gets the room; the detail pane shows it whole.
        for column, width in enumerate((0, 88, 96, 112, 80, 72, 46, 64, 28, 92)):
            if width:
                header.resizeSection(column, width)
        # Status and score start hidden (the sidebar view says the status); the header's
        # context menu shows them, and the layout remembers the choice.
        keys = [key for key, _ in self.claims_model.COLUMNS]
        for key in (SortKey.STATUS, SortKey.SCORE):
            header.hideSection(keys.index(key))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        # Sorting is wired by hand (not setSortingEnabled) so no query runs before the
        # window knows which view it shows.
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(self.claims_model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.claims_model.sort)
        self.table.selectionModel().currentRowChanged.connect(self._current_claim_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.detail.article.setFocus())

        self.articles_panel = ArticlesPanel(self.db)
        self.articles_panel.chosen.connect(self._article_chosen)
        self.outlets_panel = OutletsPanel(self.db)
        self.outlets_panel.chosen.connect(self._outlet_chosen)
        self.browse_stack = QStackedWidget()
        self.browse_stack.addWidget(self.articles_panel)
        self.browse_stack.addWidget(self.outlets_panel)

        claims_box = QWidget()
        claims_layout = QVBoxLayout(claims_box)
        claims_layout.setContentsMargins(0, 0, 0, 0)
        claims_layout.addWidget(self.filters)
        claims_layout.addWidget(self.table)

        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.setObjectName("centreSplitter")
        self.centre_splitter.addWidget(self.browse_stack)
        self.centre_splitter.addWidget(claims_box)
        self.centre_splitter.setChildrenCollapsible(False)
        self.centre_splitter.setSizes([240, 560])

        self.detail = ClaimDetailPane(self.db)
        self.detail.groupRequested.connect(self.show_group)
        self.detail.claimRequested.connect(self.show_claim)
        self.detail.newClaimRequested.connect(self.claim_edits.create_from_selection)
        self.detail.editRequested.connect(self.claim_edits.edit)

        self.group_pane = GroupPane(self.db, self.group_ops, self.verdict_ops, self.settings)
        self.group_pane.groupRequested.connect(self.show_group)
        self.group_pane.stayed.connect(self._stay_on_group)
        self.group_pane.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.group_pane.shown.connect(lambda _d: self._update_actions())
        self.group_pane.editor.preferencesRequested.connect(self.open_preferences)
        self.groups_panel = GroupsPanel(self.db)
        self.groups_panel.model.mergeRequested.connect(self.group_ops.merge)
        self.groups_panel.model.moveRequested.connect(self.group_ops.move)
        self.groups_panel.model.splitRequested.connect(
            lambda group_id, claim_id: self.group_ops.reject(group_id, claim_id, split=True))
        self.groups_panel.chosen.connect(self.group_pane.show_group)

        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.centre_splitter)
        self.centre_stack.addWidget(self.groups_panel)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail)
        self.detail_stack.addWidget(self.group_pane)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.centre_stack)
        self.main_splitter.addWidget(self.detail_stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.setSizes([170, 870, 400])
        self.setCentralWidget(self.main_splitter)

    def set_date_range(self, start: Any = None, end: Any = None) -> None:
        """Limit the claims to articles published in [start, end] (None: no limit)."""
        self.filters.set_date_range(start, end)

    def clear_dates(self) -> None:
        self.set_date_range(None, None)

    def _action(
        self, text: str, slot: Any, shortcuts: Sequence[QKeySequence | str] = (),
        icon: QStyle.StandardPixmap | None = None, tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # A platform's standard key may equal the explicit one; a duplicate would make
            # the shortcut ambiguous and it would never fire.
            keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}
            action.setShortcuts([k for k in keys.values() if not k.isEmpty()])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        # Window-wide, so single-letter shortcuts work from the table and the detail pane;
        # the search box keeps its letters because line edits claim printable keys first.
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.import_files_action = self._action(
            self.tr("&Import files…"), self.imports.choose_files, ["Ctrl+I"], sp.SP_FileIcon,
            self.tr("Import article files (.txt, .md, .html, .pdf)"))
        self.import_folder_action = self._action(
            self.tr("Import &folder…"), self.imports.choose_folder, ["Ctrl+Shift+I"],
            sp.SP_DirOpenIcon, self.tr("Import every article file in a folder"))
        self.paste_action = self._action(
            self.tr("&Paste article…"), self.imports.open_paste_dialog, ["Ctrl+Shift+V"],
            sp.SP_FileDialogDetailedView, self.tr("Store an article from pasted text"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo_keys = [QKeySequence("Ctrl+Shift+Z"),
                     *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

        self.accept_action = self._action(
            self.tr("&Accept claim"), lambda: self.set_selected_status(ClaimStatus.ACCEPTED), ["A"],
            sp.SP_DialogApplyButton, self.tr("Accept the selected claims as check-worthy (A)"))
        self.reject_action = self._action(
            self.tr("&Reject claim"), lambda: self.set_selected_status(ClaimStatus.REJECTED), ["R"],
            sp.SP_DialogCancelButton, self.tr("Reject the selected claims (R)"))
        self.repropose_action = self._action(
            self.tr("Back to &proposed"), lambda: self.set_selected_status(ClaimStatus.PROPOSED),
            ["P"], None, self.tr("Put the selected claims back into the Inbox (P)"))
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.open_preferences,
            [QKeySequence.StandardKey.Preferences, "Ctrl+,"], None,
            self.tr("Your reviewer name, organisation and export folder"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.matching_action = self._action(
            self.tr("Run &matching"), self.start_matching, ["Ctrl+M"], sp.SP_BrowserReload,
            self.tr("Match claims that have no claim group yet with the stored ones (Ctrl+M)"))
        # The detail pane owns it (its button and the article's context menu use it); added
        # here so that N works wherever the focus is in the window.
        self.addAction(self.detail.new_claim_action)
        self.show_group_action = self._action(
            self.tr("Show the claim's &group"), self.detail.request_group, ["Ctrl+G"], None,
            self.tr("Open the selected claim's group (Ctrl+G)"))
        self.import_claimreview_action = self._action(
            self.tr("Import &ClaimReview…"), self.exports.import_claimreview, [], None,
            self.tr("Merge fact-checks from a ClaimReview JSON-LD file"))
        self.export_actions = {
            ExportKind.BRIEFING: self._action(
                self.tr("PDF &briefing…"), lambda: self.exports.start(ExportKind.BRIEFING),
                ["Ctrl+Shift+E"], None, self.tr("A PDF briefing of the claim groups and verdicts")),
            ExportKind.CARD: self._action(
                self.tr("&Verdict card…"), self.export_verdict_card, [], None,
                self.tr("A one-page PDF of the selected claim group's verdict")),
            ExportKind.CLAIMREVIEW: self._action(
                self.tr("&ClaimReview JSON-LD…"), lambda: self.exports.start(ExportKind.CLAIMREVIEW),
                [], None, self.tr("Published verdicts as schema.org ClaimReview")),
            ExportKind.CSV: self._action(
                self.tr("C&SV…"), lambda: self.exports.start(ExportKind.CSV), [], None,
                self.tr("Claim groups, appearances and verdicts as a spreadsheet")),
        }
        for action in (self.accept_action, self.reject_action, self.repropose_action):
            action.setEnabled(False)

        self.next_action = self._action(self.tr("&Next claim"), lambda: self.move_selection(1), ["J"])
        self.previous_action = self._action(
            self.tr("P&revious claim"), lambda: self.move_selection(-1), ["K"])
        self.find_action = self._action(
            self.tr("&Find claims"), self.focus_search, [QKeySequence.StandardKey.Find])
        self.refresh_action = self._action(
            self.tr("Re&fresh"), self.refresh_all, [QKeySequence.StandardKey.Refresh, "F5"],
            sp.SP_BrowserReload)

        self.view_group = QActionGroup(self)
        self.view_actions: dict[View, QAction] = {}
        for n, view in enumerate(View, start=1):
            action = self._action(view.label(), lambda v=view: self.sidebar.set_view(v),
                                  [f"Ctrl+{n}"] if n <= 9 else [])
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.view_actions[view] = action

        # Alt+1…7 rate the open claim group on the scale's order; Alt+0 clears the rating.
        self.rating_actions: list[QAction] = []
        for n, rating in enumerate((None, *RATING_ORDER)):
            action = self._action(rating_text(rating), lambda r=rating: self.rate_group(r),
                                  [f"Alt+{n}"])
            action.setIcon(rating_swatch(rating))
            self.rating_actions.append(action)

        self.about_action = self._action(self.tr("&About Claimdesk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.database_menu.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_files_action, self.import_folder_action, self.paste_action])
        file_menu.addAction(self.import_claimreview_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.accept_action, self.reject_action, self.repropose_action])
        edit_menu.addAction(self.detail.new_claim_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        groups_menu = bar.addMenu(self.tr("&Groups"))
        groups_menu.addAction(self.matching_action)
        groups_menu.addAction(self.show_group_action)
        rating_menu = groups_menu.addMenu(self.tr("Set &rating"))
        rating_menu.addActions(self.rating_actions[1:])
        rating_menu.addSeparator()
        rating_menu.addAction(self.rating_actions[0])

        export_menu = bar.addMenu(self.tr("E&xport"))
        export_menu.addActions(list(self.export_actions.values()))

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(list(self.view_actions.values()))
        view_menu.addSeparator()
        view_menu.addActions([self.next_action, self.previous_action])
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.import_files_action, self.import_folder_action, self.paste_action])
        toolbar.addSeparator()
        toolbar.addActions([self.accept_action, self.reject_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(self.matching_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        # Toolbar labels without the menu's "&" and "…", and short enough to fit.
        for action, label in (
            (self.accept_action, self.tr("Accept")),
            (self.reject_action, self.tr("Reject")),
            (self.undo_action, self.tr("Undo")),
            (self.redo_action, self.tr("Redo")),
            (self.matching_action, self.tr("Run matching")),
        ):
            action.setIconText(label)

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.database_menu.backup_status)

    def _restore_layout(self) -> None:
        s = self.settings
        if s.window_geometry is not None:
            self.restoreGeometry(s.window_geometry)
        else:
            self.resize(1400, 860)
        if s.window_state is not None:
            self.restoreState(s.window_state)
        for splitter in (self.main_splitter, self.centre_splitter, self.detail.splitter):
            state = s.splitter_state(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)
        header = self.table.horizontalHeader()
        state = s.header_state(self._header_key())
        if state is not None and header.restoreState(state):
            # The model has not loaded anything yet: take the remembered sort without a query.
            self.claims_model.set_sort_order(
                header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _columns_menu(self, pos: QPoint) -> None:
        """Right-click on the claims header: choose which columns show (the claim always)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in range(1, self.claims_model.columnCount()):
            action = menu.addAction(self.claims_model.column_name(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))

    def _header_key(self) -> str:
        # Keyed by the column count: a state saved with other columns would hide new ones.
        return f"claims-{self.claims_model.columnCount()}"

    def _save_layout(self) -> None:
        s = self.settings
        self._show_groups_mode(False)  # the remembered layout is the claims one
        s.window_geometry = self.saveGeometry()
        s.window_state = self.saveState()
        for splitter in (self.main_splitter, self.centre_splitter, self.detail.splitter):
            s.set_splitter_state(splitter.objectName(), splitter.saveState())
        s.set_header_state(self._header_key(), self.table.horizontalHeader().saveState())
        s.sync()

    # -- what the table shows ---------------------------------------------------------------
    def current_filter(self) -> ClaimFilter:
        view = self.sidebar.current_view()
        chosen = self.filters.choice()
        return ClaimFilter(
            text=chosen.text,
            category=chosen.category,
            status=view.status,
            article_id=self._article_id if view == View.ARTICLES else None,
            outlet_id=self._outlet_id if view == View.OUTLETS else chosen.outlet_id,
            date_from=chosen.date_from,
            date_to=chosen.date_to,
            rating=chosen.rating,
            conflicts_only=chosen.conflicts_only,
        )

    @Slot()
    def apply_filter(self) -> None:
        self.filters.settle()
        flt = self.current_filter()
        if flt != self.claims_model.filter():
            self.claims_model.set_filter(flt)

    def _view_chosen(self, view: View) -> None:
        self.view_actions[view].setChecked(True)
        self._show_groups_mode(view.shows_groups)
        if view.shows_groups:
            pending, self._pending_group = self._pending_group, None
            self.groups_panel.model.set_filter(view.group_filter)
            self.groups_panel.reload(select_id=pending)
            if pending is not None:
                self.group_pane.show_group(pending)
            self._update_actions()
            return
        if view == View.ARTICLES:
            self.browse_stack.setCurrentWidget(self.articles_panel)
            self.articles_panel.reload()
        elif view == View.OUTLETS:
            self.browse_stack.setCurrentWidget(self.outlets_panel)
            self.outlets_panel.reload()
        self.browse_stack.setVisible(view in (View.ARTICLES, View.OUTLETS))
        self.filters.set_outlet_enabled(view != View.OUTLETS)
        self.claims_model.set_filter(self.current_filter())

    def _show_groups_mode(self, groups: bool) -> None:
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

    def in_groups_view(self) -> bool:
        return self.sidebar.current_view().shows_groups

    def show_group(self, group_id: int) -> None:
        """Go to the Claim groups view with ``group_id`` shown (from a claim or a conflict)."""
        if self.in_groups_view():
            if not self.groups_panel.select_id(group_id):
                self.groups_panel.table.clearSelection()
            self.group_pane.show_group(group_id)
        else:
            self._pending_group = group_id
            self.sidebar.set_view(View.GROUPS)

    def _stay_on_group(self, group_id: int) -> None:
        """Show the group the reviewer stayed on as chosen in the list, without reloading it."""
        selection = self.groups_panel.table.selectionModel()
        selection.blockSignals(True)
        if not self.groups_panel.select_id(group_id):
            self.groups_panel.table.clearSelection()
        selection.blockSignals(False)
        self.groups_panel.table.viewport().update()

    def _groups_changed(self) -> None:
        """A match decision, verdict or import changed groups: reload what shows them."""
        self.database_menu.refresh_backup_status()  # a merge or a matching run made one
        if self.in_groups_view():
            self.groups_panel.reload(select_id=self.group_pane.group_id())
        self.refresh_counts()

    def rate_group(self, rating: str | None) -> None:
        """Choose a rating for the open claim group's verdict (saved with Ctrl+S)."""
        if not (self.in_groups_view() and self.group_pane.rate(rating)):
            self.statusBar().showMessage(
                self.tr("Open a claim group to rate it (Claim groups view, Ctrl+G)."), 6000)

    def export_verdict_card(self) -> None:
        detail = self.group_pane.detail if self.in_groups_view() else None
        if detail is not None:
            self.exports.start(ExportKind.CARD, detail.id, detail.canonical_text)

    def _show_outcome(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        self._show_message(QMessageBox.Icon.Information, self.tr("Claimdesk"), text)

    # -- matching ---------------------------------------------------------------------------
    def start_matching(self) -> Task | None:
        if self.matching_task is not None and self.matching_task.is_running():
            self.show_error(self.tr("Matching is already running."))
            return None
        db, actor = self.db, self.settings.actor()
        thresholds = self.settings.matching_thresholds()

        def work(ctx: TaskContext) -> MatchReport:
            if db.path is not None:  # re-matching is a bulk change: a backup first
                ctx.progress(0, 0, QCoreApplication.translate("MainWindow", "Backing up…"))
                make_backup(db.path, "before-match")
            return run_matching(db, actor=actor, thresholds=thresholds,
                                progress=lambda text: ctx.progress(0, 0, text),
                                cancelled=ctx.cancelled)

        task = run_task(work, name="matching", on_result=self._matching_finished,
                        on_error=self._task_failed, owner=self)
        self.matching_task = task
        self.progress_dialog = TaskProgressDialog(
            task, self.tr("Matching claims across outlets"), self,
            cancelling=self.tr("Cancelling; nothing of this run will be kept…"))
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return task

    def _matching_finished(self, report: MatchReport) -> None:
        if report.cancelled:
            self._show_outcome(self.tr("Matching was cancelled; the claim groups are as before."))
            return
        self._show_outcome(self.tr(
            "Matching finished.\n{signed} claim(s) indexed, {joined} joined an existing claim "
            "group, {new} new claim group(s), {conflicts} new conflict(s) between groups.").format(
            signed=report.signed, joined=len(report.joined), new=len(report.new_groups),
            conflicts=len(report.conflicts)))
        self.claims_model.reload()
        self._groups_changed()

    # -- preferences ------------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(self._preferences_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def _preferences_changed(self) -> None:
        self.group_pane.editor.reviewer.setText(self.settings.actor())
        self.statusBar().showMessage(
            self.tr("Your actions are recorded as {name}.").format(name=self.settings.actor()), 4000)
        set_default_keep(self.settings.backup_keep)
        self.appearanceChanged.emit()

    def _article_chosen(self, article_id: int | None) -> None:
        if article_id != self._article_id:
            self._article_id = article_id
            self.apply_filter()

    def _outlet_chosen(self, outlet_id: int | None) -> None:
        if outlet_id != self._outlet_id:
            self._outlet_id = outlet_id
            self.apply_filter()

    def _remember_current_claim(self) -> None:
        self._reselect_id = self.current_claim_id()

    def _claims_reloaded(self) -> None:
        # Keep the reviewer on the claim they were reading if it is still listed; otherwise
        # start at the top so the keyboard flow (A, R, J, K) works at once.
        row = self.claims_model.row_of(self._reselect_id) if self._reselect_id else None
        self._reselect_id = None
        if self._wanted_claim is not None:
            claim_id, article_id = self._wanted_claim
            wanted_row = self.claims_model.row_of(claim_id)
            if wanted_row is not None:
                row = wanted_row
            if wanted_row is not None or self.claims_model.filter().article_id == article_id:
                self._wanted_claim = None
        self._select_after_fetch = None
        if self.claims_model.rowCount() == 0:
            self.detail.show_claim(None)
            self._update_actions()
        else:
            self.select_row(row if row is not None else 0)
        self._update_showing()

    def _claims_appended(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        row = self._select_after_fetch
        if row is not None and row < self.claims_model.rowCount():
            self._select_after_fetch = None
            self.select_row(row)
        self._update_showing()

    def _update_showing(self) -> None:
        model = self.claims_model
        if model.is_loading() and model.rowCount() == 0:
            self.showing.setText(self.tr("Loading…"))
        elif model.rowCount() < model.total():
            self.showing.setText(self.tr("{shown:,} of {total:,} claims").format(
                shown=model.rowCount(), total=model.total()))
        else:
            self.showing.setText(self.tr("{total:,} claims").format(total=model.total()))

    # -- selection --------------------------------------------------------------------------
    def current_claim_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        claim = self.claims_model.claim_at(index.row()) if index.isValid() else None
        return claim.id if claim else None

    def selected_claim_ids(self) -> list[int]:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        return [claim.id for claim in self.claims_model.claims_at(rows)]

    def show_claim(self, claim_id: int) -> None:
        """Go to a claim: its row when the table lists it, else its detail alone."""
        row = self.claims_model.row_of(claim_id)
        if row is not None:
            self.select_row(row)
        else:
            self.table.clearSelection()
            self.detail.show_claim(claim_id)
            self.statusBar().showMessage(self.tr(
                "That claim is not in the list as filtered; its detail is shown."), 6000)

    def select_row(self, row: int) -> None:
        index = self.claims_model.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)

    def move_selection(self, step: int) -> None:
        """Go to the next (or previous) claim, loading the next page at the end of the list."""
        if self.in_groups_view():
            table = self.groups_panel.table
            current = table.selectionModel().currentIndex()
            row = current.row() + step if current.isValid() else 0
            if 0 <= row < self.groups_panel.model.rowCount():
                table.selectRow(row)
            elif self.groups_panel.model.canFetchMore():
                self.groups_panel.model.fetchMore()
            return
        current = self.table.selectionModel().currentIndex()
        row = current.row() + step if current.isValid() else 0
        if row >= self.claims_model.rowCount():
            if self.claims_model.canFetchMore(QModelIndex()):
                self._select_after_fetch = row
                self.claims_model.fetchMore(QModelIndex())
            return
        self.select_row(max(row, 0))

    def _current_claim_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim = self.claims_model.claim_at(current.row()) if current.isValid() else None
        self.detail.show_claim(claim.id if claim else None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        groups = self.in_groups_view()
        # A, R and P act on the claims table; in the groups view it is hidden.
        has_selection = self.table.selectionModel().hasSelection() and not groups
        for action in (self.accept_action, self.reject_action, self.repropose_action):
            action.setEnabled(has_selection)
        self.show_group_action.setEnabled(not groups)
        self.export_actions[ExportKind.CARD].setEnabled(
            groups and self.group_pane.detail is not None)

    # -- reviewing --------------------------------------------------------------------------
    def set_selected_status(self, status: str) -> None:
        ids = self.selected_claim_ids()
        if not ids:
            return
        self.review.set_status(ids, status)
        if len(ids) == 1:
            # Move on at once, like a reader's "next"; the write finishes in the background.
            self.move_selection(1)

    def _statuses_changed(self, changes: dict[int, str]) -> None:
        self.claims_model.apply_statuses(changes)
        if self.detail.claim_id() in changes:
            self.detail.refresh()
        n = len(changes)
        labels = {ClaimStatus.ACCEPTED: self.tr("accepted"), ClaimStatus.REJECTED: self.tr("rejected"),
                  ClaimStatus.PROPOSED: self.tr("back to proposed")}
        statuses = set(changes.values())
        what = labels.get(statuses.pop(), "") if len(statuses) == 1 else self.tr("changed")
        self.statusBar().showMessage(
            self.tr("{n} claim(s) {what}.").format(n=n, what=what), 4000)
        self.refresh_counts()

    def _claim_created(self, claim_id: int, article_id: int) -> None:
        """Show the new claim selected, among its article's claims."""
        self.statusBar().showMessage(self.tr(
            "New claim stored as accepted. Undo (Ctrl+Z) rejects it."), 8000)
        self._wanted_claim = (claim_id, article_id)
        if self.sidebar.current_view() != View.ARTICLES:
            self.sidebar.set_view(View.ARTICLES)
        if self._article_id == article_id:
            self.claims_model.reload()
        self.articles_panel.reload(select_id=article_id)
        self.refresh_counts()

    def _claim_edited(self, claim_id: int, changes: dict[str, Any]) -> None:
        self.claims_model.apply_fields(claim_id, changes)
        if self.detail.claim_id() == claim_id:
            self.detail.refresh()
        if "category" in changes:
            self._load_categories()
        self.statusBar().showMessage(self.tr("Claim saved."), 4000)

    # -- importing --------------------------------------------------------------------------
    def import_paths(self, paths: Sequence[Path]) -> Task | None:
        return self.imports.import_paths(paths)

    def _show_stored_article(self, article_id: int) -> None:
        """Show the article a paste became (or duplicates) with its claims; the explicit
        reload comes last so its choice of row wins."""
        self.sidebar.set_view(View.ARTICLES)
        self.articles_panel.reload(select_id=article_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- refreshing -------------------------------------------------------------------------
    def refresh_all(self) -> None:
        """Load everything again after the database changed under the lists (an import)."""
        self.claims_model.reload()
        self.refresh_counts()  # the article and outlet lists with them
        self._load_categories()

    def refresh_counts(self) -> None:
        # Coalesced: pressing A ten times in a second runs the count queries once.
        self._counts_timer.start()

    def _load_counts(self) -> None:
        # The article and outlet lists show counts too (claims, proposed).
        if self.browse_stack.isVisible():
            self.browse_stack.currentWidget().reload()  # type: ignore[attr-defined]

        def load(_ctx: Any) -> ReviewCounts:
            with self.db.read() as session:
                return review_counts(session)

        run_task(load, name="counts", on_result=self._show_counts, owner=self)

    def _show_counts(self, counts: ReviewCounts) -> None:
        self.counts = counts
        self.sidebar.set_counts(counts)
        self.counts_label.setText(
            self.tr("{articles:,} articles · {claims:,} claims · {proposed:,} proposed").format(
                articles=counts.articles, claims=counts.claims, proposed=counts.proposed))

    def _load_categories(self) -> None:
        """Fill the category and outlet filters with what the database holds."""

        def load(_ctx: Any) -> tuple[list[str], list[tuple[int, str]]]:
            with self.db.read() as session:
                return list_categories(session), outlet_names(session)

        def show(found: tuple[list[str], list[tuple[int, str]]]) -> None:
            self.filters.set_categories(found[0])
            self.filters.set_outlets(found[1])

        run_task(load, name="filter_choices", on_result=show, owner=self)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- messages ---------------------------------------------------------------------------
    def _task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            self.show_error(str(exc))
            return
        raise exc  # a programming error: let it be seen, not swallowed

    @Slot(str)
    def show_error(self, message: str) -> None:
        """A sentence for the reviewer, without blocking the window (or a test)."""
        self._show_message(QMessageBox.Icon.Warning, self.tr("Claimdesk"), message)
        if message.endswith(WriteRefused.ADVICE) and self.db.path is not None:
            # The disk is full or read-only: offer the way out the sentence names.
            button = self.message_box.addButton(self.tr("Save a copy and continue there…"),
                                                QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(self.database_menu.save_copy_and_continue)

    @Slot(str)
    def show_connection_problem(self, text: str) -> None:
        """A server database that went away (team mode): said, kept until the next message."""
        self.statusBar().showMessage(text)

    def show_about(self) -> None:
        from desktop.about_dialog import AboutDialog

        # The location, not the path: a server database has no file (its password left out).
        self.about_dialog = AboutDialog(self.db.location, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    def _show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowIcon(QIcon(self.windowIcon()))
        self.message_box = box
        box.open()

    # -- closing ----------------------------------------------------------------------------
    def unsaved_work(self) -> tuple[int, VerdictDraft] | None:
        return self.group_pane.unsaved_verdict()

    def put_back_unsaved_work(self, work: tuple[int, VerdictDraft]) -> None:
        """Show unsaved verdict edits carried over from the window on another database."""
        group_id, draft = work
        self.group_pane.editor.put_back(group_id, draft)
        self.show_group(group_id)
        self.group_pane.tabs.setCurrentWidget(self.group_pane.editor)
        self.statusBar().showMessage(self.tr(
            "Your unsaved verdict on claim group #{id} was carried over: check it and save."
        ).format(id=group_id), 10000)

    def settle_unsaved(self, then: Any) -> None:
        """Call ``then`` once an unsaved verdict is saved or discarded (not if cancelled)."""
        self.group_pane.settle_unsaved(then)

    def close_for_switch(self) -> None:
        """Close for good because another database is opening (unsaved work already settled)."""
        self._close_settled = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_settled and self.group_pane.has_unsaved_verdict():
            event.ignore()  # ask first; close again once the verdict is saved or discarded

            def settled() -> None:
                self._close_settled = True
                QTimer.singleShot(0, self.close)  # not from inside this closeEvent

            self.group_pane.settle_unsaved(settled)
            return
        self._save_layout()
        # Let running imports stop between files and writes commit before the database closes.
        tasks.shut_down()
        event.accept()
