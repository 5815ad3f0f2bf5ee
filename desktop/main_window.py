"""The main window: views in the sidebar, the claims table, the claim's detail, and the actions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from desktop import tasks
from desktop.about_dialog import AboutDialog
from desktop.articles_view import ArticlesPanel
from desktop.changes import ARTICLES, Changes
from desktop.check_imports import CheckImports
from desktop.claim_detail import ClaimDetailPane
from desktop.claim_filters import ClaimFilterBar
from desktop.claims_table import ClaimsTable
from desktop.controllers.claim_edits import ClaimEdits
from desktop.controllers.databases import DatabaseMenu
from desktop.controllers.exports import ExportKind, Exports
from desktop.controllers.groups import GroupOps, VerdictOps
from desktop.controllers.imports import Imports, dropped_paths
from desktop.controllers.matching import Matching
from desktop.controllers.review import Review
from desktop.editorial_wiring import attach_editorial
from desktop.group_pane import GroupPane
from desktop.groups_view import GroupsPanel
from desktop.measures_wiring import attach_measures
from desktop.outlets_view import OutletsPanel
from desktop.preferences import PreferencesDialog
from desktop.settings import Settings
from desktop.sidebar import Sidebar, View
from desktop.tasks import Task
from desktop.window_actions import build_actions, build_menus, build_toolbar
from desktop.window_counts import CountsLabel, CountsLoader
from desktop.window_layout import CentreLayout
from desktop.window_messages import Messages
from storage.backup import set_default_keep
from storage.database import Database
from storage.errors import StorageError
from storage.queries import (
    ClaimFilter,
)


class MainWindow(QMainWindow):
    """One open database, reviewed by one person."""

    appearanceChanged = Signal()  # the light/dark preference changed
    claimShown = Signal(object)  # the detail pane now shows this claim id (None: none)

    def __init__(
        self, db: Database, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings if settings is not None else Settings()
        self.about_dialog: AboutDialog | None = None  # while open
        self._article_id: int | None = None
        self._outlet_id: int | None = None

        # Only the database: the platform appends the application's name ("… — Claimdesk").
        self.setWindowTitle(db.path.name if db.path is not None else db.location)
        self.setAcceptDrops(True)

        self.undo_stack = QUndoStack(self)
        self.database_menu = DatabaseMenu(db, self.settings, self)
        self.messages = Messages(
            self, self.database_menu.save_copy_and_continue if db.path is not None else None)
        self.review = Review(db, self.settings.actor, self.undo_stack, self)
        self.review.statusesChanged.connect(self._statuses_changed)
        self.review.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.group_ops = GroupOps(db, self.settings.actor, self.undo_stack, self)
        self.claim_edits = ClaimEdits(db, self.settings.actor, self.review, self)
        self.claim_edits.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.claim_edits.created.connect(self._claim_created)
        self.claim_edits.edited.connect(self._claim_edited)
        self.verdict_ops = VerdictOps(db, self.settings.actor, self.undo_stack, self)
        self.exports = Exports(db, self.settings, self)
        self.exports.message.connect(self.messages.outcome)
        self.imports = Imports(db, self.settings, self, self._task_failed,
                               lambda: [row.name for row in self.outlets_panel.model.rows()])
        self.imports.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.imports.articleStored.connect(self._show_stored_article)
        self.check_imports = CheckImports(db, self, self.settings.actor, self._task_failed)
        self.check_imports.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.database_menu.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        tasks.notices().connectionProblem.connect(self.show_connection_problem)
        self._close_settled = False
        self.matching = Matching(db, self.settings, self, self._task_failed)
        self.matching.message.connect(self.messages.outcome)
        # Every controller says what it changed on one signal; on_changes decides what to redraw.
        for controller in (self.review, self.group_ops, self.claim_edits, self.verdict_ops,
                           self.exports, self.database_menu, self.imports, self.matching,
                           self.check_imports):
            controller.error.connect(self.show_error)
            controller.changes.connect(self.on_changes)
        self.preferences_dialog: PreferencesDialog | None = None
        self._pending_group: int | None = None
        self._claims_sizes: list[int] | None = None

        self._build_centre()
        build_actions(self)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self._build_status_bar()
        self.centre.restore(self, self.settings)

        self.counts_loader = CountsLoader(db, self)
        self.counts_loader.refreshing.connect(self._reload_browse_list)
        self.counts_loader.countsLoaded.connect(self.sidebar.set_counts)
        self.counts_loader.countsLoaded.connect(self.counts_label.show_counts)
        self.counts_loader.choicesLoaded.connect(self.filters.set_choices)

        attach_editorial(self)  # #17: article edits, the database watcher, organisation
        attach_measures(self)  # #19: the Measures view, reference checks
        self.sidebar.set_view(View.INBOX)
        self.refresh_counts()
        self.counts_loader.load_choices()
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
        self.date_from, self.any_date = self.filters.date_from, self.filters.any_date

        self.table = ClaimsTable(self.db)
        self.claims_model = self.table.claims_model
        self.table.currentClaimChanged.connect(lambda claim_id: self.detail.show_claim(claim_id))
        self.table.emptied.connect(self._claims_emptied)
        self.table.showingChanged.connect(self.filters.showing.setText)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.doubleClicked.connect(lambda _index: self.detail.article.setFocus())

        self.articles_panel = ArticlesPanel(self.db)
        self.articles_panel.chosen.connect(self._article_chosen)
        self.outlets_panel = OutletsPanel(self.db)
        self.outlets_panel.chosen.connect(self._outlet_chosen)
        self.detail = ClaimDetailPane(self.db)
        self.detail.claimShown.connect(self.claimShown)
        self.detail.groupRequested.connect(self.show_group)
        self.detail.claimRequested.connect(self.show_claim)
        self.detail.newClaimRequested.connect(self.claim_edits.create_from_selection)
        self.detail.editRequested.connect(self.claim_edits.edit)

        self.group_pane = GroupPane(self.db, self.group_ops, self.verdict_ops, self.settings)
        self.group_pane.groupRequested.connect(self.show_group)
        self.group_pane.stayed.connect(lambda group_id: self.groups_panel.stay_on(group_id))
        self.group_pane.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.group_pane.shown.connect(lambda _d: self._update_actions())
        self.group_pane.editor.preferencesRequested.connect(self.open_preferences)
        # "Same claim" links are undone with Ctrl+Z like every other step (#16).
        for panel in (self.detail.already_checked, self.group_pane.already_checked):
            panel.undo_stack = self.undo_stack
        self.groups_panel = GroupsPanel(self.db)
        self.groups_panel.model.mergeRequested.connect(self.group_ops.merge)
        self.groups_panel.model.moveRequested.connect(self.group_ops.move)
        self.groups_panel.model.splitRequested.connect(
            lambda group_id, claim_id: self.group_ops.reject(group_id, claim_id, split=True))
        self.groups_panel.chosen.connect(self.group_pane.show_group)

        self.centre = CentreLayout(
            self.sidebar, [self.articles_panel, self.outlets_panel], self.filters, self.table,
            self.detail, self.groups_panel, self.group_pane, self.detail.splitter)
        self.browse_stack = self.centre.browse_stack
        self.setCentralWidget(self.centre.main_splitter)

    def _build_status_bar(self) -> None:
        self.counts_label = CountsLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.database_menu.backup_status)

    # -- what the table shows ---------------------------------------------------------------
    def current_filter(self) -> ClaimFilter:
        view, chosen = self.sidebar.current_view(), self.filters.choice()
        return chosen.claim_filter(
            view.status, self._article_id if view == View.ARTICLES else None,
            self._outlet_id if view == View.OUTLETS else chosen.outlet_id)

    @Slot()
    def apply_filter(self) -> None:
        self.filters.settle()
        flt = self.current_filter()
        if flt != self.claims_model.filter():
            self.claims_model.set_filter(flt)

    def _view_chosen(self, view: View) -> None:
        self.view_actions[view].setChecked(True)
        if self.measures.view_chosen(view):  # #19: the Measures view has its own centre
            return
        self.centre.set_groups_mode(view.shows_groups)
        if view.shows_groups:
            pending, self._pending_group = self._pending_group, None
            self.groups_panel.model.set_filter(view.group_filter)
            self.groups_panel.reload(select_id=pending, clear_if_missing=pending is None)
            if pending is not None:
                self.group_pane.show_group(pending)
            elif self.groups_panel.current_id() is None:  # nothing chosen yet: none shown
                self.group_pane.show_group(None)
            self._update_actions()
            return
        if view in (View.ARTICLES, View.OUTLETS) and self.filters.search.text():
            self.filters.search.clear()  # a claim search does not follow into these (#17.14)
        if view == View.ARTICLES:
            self.browse_stack.setCurrentWidget(self.articles_panel)
            self.articles_panel.reload()
        elif view == View.OUTLETS:
            self.browse_stack.setCurrentWidget(self.outlets_panel)
            self.outlets_panel.reload()
        self.browse_stack.setVisible(view in (View.ARTICLES, View.OUTLETS))
        self.filters.set_outlet_enabled(view != View.OUTLETS)
        self.claims_model.set_filter(self.current_filter())

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

    def rate_group(self, rating: str | None) -> None:
        """Choose a rating for the open claim group's verdict (saved with Ctrl+S)."""
        if not (self.in_groups_view() and self.group_pane.rate(rating)):
            self.statusBar().showMessage(
                self.tr("Open a claim group to rate it (Claim groups view, Ctrl+G)."), 6000)

    def export_verdict_card(self) -> None:
        detail = self.group_pane.detail if self.in_groups_view() else None
        if detail is not None:
            self.exports.start(ExportKind.CARD, detail.id, detail.canonical_text)

    # -- matching ---------------------------------------------------------------------------
    def start_matching(self) -> Task | None:
        return self.matching.start()

    # -- preferences ------------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, self, db=self.db)
        dialog.accepted.connect(self._preferences_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def _preferences_changed(self) -> None:
        self.group_pane.editor.show_reviewer()
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

    def _claims_emptied(self) -> None:
        self.detail.show_claim(None)
        self._update_actions()

    # -- selection --------------------------------------------------------------------------
    def current_claim_id(self) -> int | None:
        return self.table.current_claim_id()

    def selected_claim_ids(self) -> list[int]:
        return self.table.selected_claim_ids()

    def show_claim(self, claim_id: int) -> None:
        """Go to a claim: its row when the table lists it, else its detail alone."""
        if not self.table.select_claim(claim_id):
            self.table.clearSelection()
            self.detail.show_claim(claim_id)
            self.statusBar().showMessage(self.tr(
                "That claim is not in the list as filtered; its detail is shown."), 6000)
            return
        # The row may already have been the current one (no change signal): the detail may
        # show another claim meanwhile (a chart point, a claim of the article).
        if self.detail.claim_id() != claim_id:
            self.detail.show_claim(claim_id)
        if self.table.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_row(self, row: int) -> None:
        self.table.select_row(row)

    def move_selection(self, step: int) -> None:
        """Go to the next (or previous) claim, loading the next page at the end of the list."""
        if self.in_groups_view():
            self.groups_panel.move_selection(step)
            return
        self.table.move_selection(step)

    def _update_actions(self) -> None:
        groups = self.in_groups_view()
        # A, R and P act on the claims table; in the groups view it is hidden.
        has_selection = self.table.has_selection() and not groups
        for action in (self.accept_action, self.reject_action, self.repropose_action):
            action.setEnabled(has_selection)
        self.show_group_action.setEnabled(not groups)
        self.compare_action.setEnabled(not groups and len(self.selected_claim_ids()) == 2)
        self.export_actions[ExportKind.CARD].setEnabled(
            groups and self.group_pane.detail is not None)

    def compare_selected(self) -> None:
        self.matching.compare(self.selected_claim_ids())

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

    def _claim_created(self, claim_id: int, article_id: int) -> None:
        """Show the new claim selected, among its article's claims."""
        self.statusBar().showMessage(self.tr(
            "New claim stored as accepted. Undo (Ctrl+Z) rejects it."), 8000)
        self.table.want_claim(claim_id, article_id)
        if self.sidebar.current_view() != View.ARTICLES:
            self.sidebar.set_view(View.ARTICLES)
        if self._article_id == article_id:
            self.claims_model.reload()
        self.articles_panel.reload(select_id=article_id)

    def _claim_edited(self, claim_id: int, changes: dict[str, Any]) -> None:
        self.claims_model.apply_fields(claim_id, changes)
        if self.detail.claim_id() == claim_id:
            self.detail.refresh()
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
    @Slot(object)
    def on_changes(self, changes: Changes) -> None:
        """The one place that turns what an operation changed into reloads."""
        if changes.groups:
            self.database_menu.refresh_backup_status()  # a merge or a matching run made one
        if changes.claims:
            self.claims_model.reload()
        if changes.groups and self.in_groups_view():
            self.groups_panel.reload(select_id=self.group_pane.group_id())
        if changes.any_counts():
            self.refresh_counts()  # the article and outlet lists with them
        if changes.categories:
            self.counts_loader.load_choices()

    def refresh_all(self) -> None:
        """Load everything again (Refresh, F5)."""
        self.on_changes(ARTICLES)

    def refresh_counts(self) -> None:
        self.counts_loader.refresh()

    def _reload_browse_list(self) -> None:
        # The article and outlet lists show counts too (claims, proposed).
        if self.browse_stack.isVisible():
            self.browse_stack.currentWidget().reload()  # type: ignore[attr-defined]

    # -- messages ---------------------------------------------------------------------------
    def _task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            self.show_error(str(exc))
            return
        raise exc  # a programming error: let it be seen, not swallowed

    @Slot(str)
    def show_error(self, message: str) -> None:
        """A sentence for the reviewer, without blocking the window (or a test)."""
        self.messages.error(message)

    @property
    def message_box(self) -> QMessageBox | None:
        """The last message box shown (it may have been closed since)."""
        return self.messages.box

    @Slot(str)
    def show_connection_problem(self, text: str) -> None:
        """A server database that went away (team mode): said, kept until the next message."""
        self.statusBar().showMessage(text)

    def show_about(self) -> None:
        # The location, not the path: a server database has no file (its password left out).
        self.about_dialog = AboutDialog(self.db.location, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    # -- closing ----------------------------------------------------------------------------
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
        self.centre.save(self, self.settings)
        # Let running imports stop between files and writes commit before the database closes.
        tasks.shut_down()
        event.accept()
