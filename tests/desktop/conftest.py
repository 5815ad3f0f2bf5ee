"""Fixtures for the window tests: short articles stored through the real pipeline, and the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from desktop.settings import Settings  # noqa: E402
from desktop.sidebar import View  # noqa: E402

TERRITORY = (
    "Russia now controls about 18 percent of Ukraine's territory, according to the Institute "
    "for the Study of War. Before February 2022 the occupied share was about 7 percent, "
    "counting Crimea and parts of the Donbas. Defence minister Oleksii Reznikov said on "
    "Tuesday that 120,000 square kilometres remain under occupation. The weather in Kyiv "
    "was mild and most cafes were open."
)
MINSK = (
    "The Minsk II agreement, signed on 12 February 2015, set out 13 points for a ceasefire "
    "in eastern Ukraine. It required heavy weapons to be withdrawn to create a security zone "
    "at least 50 kilometres wide. According to the OSCE, more than 14,000 people had been "
    "killed in the Donbas conflict by 2021. The talks in the Belarusian capital lasted "
    "through the night."
)
CYRILLIC = (
    "Росія контролює близько 18 відсотків території України, заявив речник Міністерства "
    "оборони. За даними ООН, понад 6 мільйонів українців виїхали за кордон з 2022 року. "
    "Мінські домовленості 2015 року передбачали відведення важкої зброї на 50 кілометрів. "
    "Уранці в Києві йшов дощ."
)

ARTICLES = (
    dict(text=TERRITORY, title="How much of Ukraine is occupied", outlet="Test Herald",
         published=dt.date(2023, 3, 1)),
    dict(text=MINSK, title="What Minsk II promised", outlet="Example Ledger",
         published=dt.date(2021, 2, 12)),
    dict(text=CYRILLIC, title="Скільки території контролює Росія", outlet="Тестова правда",
         published=dt.date(2023, 3, 2)),
)


def store_article(db, text: str, **meta) -> int:
    """Store one article through the same path a paste takes; returns its id."""
    from ingest import document_from_text
    from ingest.pipeline import Outcome
    from workflows.importing import store_document

    result = store_document(db, document_from_text(text, **meta), source="test", actor="tester")
    assert result.outcome == Outcome.IMPORTED, result.message
    assert result.article_id is not None
    return result.article_id


@pytest.fixture
def articles(db) -> list[int]:
    return [store_article(db, **article) for article in ARTICLES]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "claimdesk.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.reviewer_name = "Test Reviewer"
    return settings


class WindowDriver:
    """What a reviewer does and sees in a main window, so the tests do not reach into its parts.

    The one place that knows how the window is built: a change to its structure touches this
    class, not every test.
    """

    def __init__(self, window, qtbot) -> None:
        self.window = window
        self.qtbot = qtbot

    # -- what the claims table shows ---------------------------------------------------------
    @property
    def table(self):
        """The claims table widget (for focus and key presses)."""
        return self.window.table

    def header(self):
        return self.window.table.horizontalHeader()

    def columns(self) -> list:
        """The sort keys of the claims table's columns, in model order."""
        return [key for key, _ in self.window.claims_model.COLUMNS]

    def is_loading(self) -> bool:
        return self.window.claims_model.is_loading()

    def wait_loaded(self, until=None) -> None:
        """Wait until the claims table has loaded (and ``until()`` holds, when given)."""
        self.qtbot.waitUntil(lambda: not self.is_loading() and (until is None or until()))

    def row_count(self) -> int:
        return self.window.claims_model.rowCount()

    def total(self) -> int:
        return self.window.claims_model.total()

    def claim_at(self, row: int):
        return self.window.claims_model.claim_at(row)

    def row_of(self, claim_id: int) -> int | None:
        return self.window.claims_model.row_of(claim_id)

    def shown_claims(self) -> list:
        """The claim rows the table has loaded, in order."""
        return [self.claim_at(row) for row in range(self.row_count())]

    def shown_ids(self) -> list[int]:
        return [claim.id for claim in self.shown_claims()]

    def sort_order(self) -> tuple[str, bool]:
        return self.window.claims_model.sort_order()

    def cell(self, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
        """What the table shows in ``row`` under the column of sort key ``key``."""
        model = self.window.claims_model
        return model.index(row, self.columns().index(key)).data(role)

    def open_columns_menu(self):
        """Right-click on the claims header; returns the menu of columns it shows."""
        from PySide6.QtCore import QPoint

        return self.window.table.columns_menu(QPoint(10, 5))

    def claim_filter(self):
        """The filter the claims table was last loaded with."""
        return self.window.claims_model.filter()

    def select_row(self, row: int) -> None:
        self.window.select_row(row)

    def select_claim(self, claim_id: int) -> None:
        row = self.row_of(claim_id)
        assert row is not None, f"claim {claim_id} is not listed"
        self.select_row(row)

    def current_claim_id(self) -> int | None:
        return self.window.current_claim_id()

    def selected_claim_ids(self) -> list[int]:
        return self.window.selected_claim_ids()

    # -- reviewing with the keyboard ------------------------------------------------------------
    def press(self, key, modifier=None) -> None:
        """A key press on the claims table, where the reviewer's focus is."""
        if modifier is None:
            self.qtbot.keyClick(self.table, key)
        else:
            self.qtbot.keyClick(self.table, key, modifier)

    def accept(self) -> None:
        self.press(Qt.Key.Key_A)

    def reject(self) -> None:
        self.press(Qt.Key.Key_R)

    def undo(self) -> None:
        self.window.undo_action.trigger()

    def redo(self) -> None:
        self.window.redo_action.trigger()

    def can_undo(self) -> bool:
        return self.window.undo_action.isEnabled()

    def can_redo(self) -> bool:
        return self.window.redo_action.isEnabled()

    # -- views and groups ----------------------------------------------------------------------
    def select_view(self, view: View) -> None:
        self.window.sidebar.set_view(view)

    def current_view(self) -> View:
        return self.window.sidebar.current_view()

    def open_group(self, group_id: int) -> None:
        """Go to a claim group, as "Show the claim's group" does, and wait until it shows."""
        self.window.show_group(group_id)
        pane = self.window.group_pane
        self.qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == group_id
                             and self.window.groups_panel.model.rowCount() > 0)
        assert self.current_view() == View.GROUPS

    def detail_shown(self):
        """The pane on the right: the claim detail or the group pane."""
        return self.window.centre.detail_stack.currentWidget()

    def main_splitter(self):
        """The splitter of sidebar | list | detail (the layout the window remembers)."""
        return self.window.centre.main_splitter

    # -- what the window says -------------------------------------------------------------------
    def message(self) -> str | None:
        """The text of the last message box, or None if none was shown."""
        box = self.window.message_box
        return box.text() if box is not None else None

    def wait_message(self, part: str) -> None:
        self.qtbot.waitUntil(lambda: part in (self.message() or ""))

    def reload_counts(self):
        """Refresh the counts, wait for the new ones and return them (a ReviewCounts)."""
        loader = self.window.counts_loader
        loader.counts = None
        self.window.refresh_counts()
        self.qtbot.waitUntil(lambda: loader.counts is not None)
        return loader.counts

    def counts_text(self) -> str:
        return self.window.counts_label.text()

    def status_message(self) -> str:
        """What the status bar says now."""
        return self.window.statusBar().currentMessage()

    def wait_status(self, part: str, timeout: int = 5_000) -> None:
        self.qtbot.waitUntil(lambda: part in self.status_message(), timeout=timeout)

    def message_box(self):
        """The last message box the window showed (None if none)."""
        return self.window.message_box

    def message_shown(self) -> bool:
        """Whether the last message box is on screen."""
        box = self.window.message_box
        return box is not None and box.isVisible()

    def boxes_text(self) -> str:
        """The text of every message box open on the window, joined."""
        from PySide6.QtWidgets import QMessageBox

        return " ".join(box.text() for box in self.window.findChildren(QMessageBox))

    def database(self):
        """The database the window is on."""
        return self.window.db

    def title(self) -> str:
        return self.window.windowTitle()

    def is_open(self) -> bool:
        """Whether the window is on screen."""
        return self.window.isVisible()

    def close(self) -> None:
        """Close the window as its close button does (it may ask about unsaved work)."""
        self.window.close()

    def close_for_switch(self) -> None:
        """Close without asking, as when another database is opened."""
        self.window.close_for_switch()

    # -- actions, undo, dialogs ------------------------------------------------------------------
    def action(self, name: str):
        """The window's action named ``name`` ("accept", "paste", "export_csv", "undo" …)."""
        return getattr(self.window, f"{name}_action")

    def trigger(self, name: str) -> None:
        """Trigger an action by name, as its menu item, toolbar button or shortcut does."""
        self.action(name).trigger()

    def export(self, kind) -> None:
        """Start an export of ``kind`` (a desktop.controllers.exports.ExportKind) from its menu."""
        self.window.export_actions[kind].trigger()

    def menu_actions(self, title: str) -> list:
        """The actions of the menu-bar menu titled ``title`` (with its "&", e.g. "&File")."""
        for action in self.window.menuBar().actions():
            if action.text() == title:
                return action.menu().actions()
        raise AssertionError(f"no menu {title!r}")

    def undo_count(self) -> int:
        return self.window.undo_stack.count()

    def undo_text(self) -> str:
        """What the next undo would take back ("Merge claim groups" …)."""
        return self.window.undo_stack.undoText()

    def open_preferences(self):
        """Open the preferences dialog and return it."""
        return self.window.open_preferences()

    def about_dialog(self):
        """Help → About, and return the dialog it shows."""
        self.trigger("about")
        return self.window.about_dialog

    def refresh(self) -> None:
        """Refresh everything, as F5 does."""
        self.window.refresh_all()

    def refresh_counts(self) -> None:
        """Ask for new counts, without waiting for them."""
        self.window.refresh_counts()

    def start_matching(self):
        """Run matching (Groups → Run matching); returns its task, or None."""
        return self.window.start_matching()

    # -- the parts of the window ------------------------------------------------------------------
    def claim_pane(self):
        """The claim detail pane (its sentence, article, fields and buttons)."""
        return self.window.detail

    def claim_detail(self):
        """The claim the detail pane has loaded (a ClaimDetail), or None."""
        return self.window.detail.detail

    def wait_claim_detail(self, claim_id: int):
        """Wait until the detail pane shows claim ``claim_id``; returns its ClaimDetail."""
        pane = self.window.detail
        self.qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.id == claim_id)
        return pane.detail

    def group_pane(self):
        """The pane of the open claim group (appearances, verdict editor, …)."""
        return self.window.group_pane

    def verdict_editor(self, group_id: int | None = None, *, show: bool = False):
        """The open group's verdict editor; waits for ``group_id`` when given, brings its tab
        to the front with ``show``."""
        pane = self.window.group_pane
        editor = pane.editor
        if group_id is not None:
            self.qtbot.waitUntil(lambda: editor.group_id == group_id)
        if show:
            pane.tabs.setCurrentWidget(editor)
        return editor

    def group_verdict(self):
        """The stored verdict the open group's editor has loaded (a VerdictState), or None."""
        return self.window.group_pane.editor.state

    def show_group(self, group_id: int) -> None:
        """Go to a claim group as "Show the claim's group" does, without waiting."""
        self.window.show_group(group_id)

    def groups_list(self):
        """The list of claim groups (a GroupsPanel: ``model``, ``table``, ``select_id`` …)."""
        return self.window.groups_panel

    def articles_list(self):
        return self.window.articles_panel

    def outlets_list(self):
        return self.window.outlets_panel

    def browsing_sources(self) -> bool:
        """Whether the articles/outlets list is on screen (instead of the claims table)."""
        return self.window.browse_stack.isVisible()

    def sidebar_count(self, view: View):
        """The count the sidebar shows beside ``view``."""
        sidebar = self.window.sidebar
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1) == view:
                return item.data(Qt.ItemDataRole.UserRole + 2)
        raise AssertionError(f"{view} is not in the sidebar")

    def filters(self):
        """The filter bar over the claims table (search, category, outlet, dates, …)."""
        return self.window.filters

    def search(self, text: str) -> None:
        """Type ``text`` into the search box (replacing what was there)."""
        self.window.filters.search.setText(text)

    def search_text(self) -> str:
        return self.window.filters.search.text()

    def database_menu(self):
        """The Database menu's controller (new, open, recent, copy in, back up …)."""
        return self.window.database_menu

    def exports(self):
        """The export controller (its questions can be answered by replacing ``ask_export``)."""
        return self.window.exports

    def check_imports(self):
        """The controller that imports published fact-checks into the library."""
        return self.window.check_imports

    def article_edits(self):
        """The article editing controller (its ``dialog`` once opened)."""
        return self.window.article_edits

    # -- importing -----------------------------------------------------------------------------
    def import_paths(self, paths):
        """Import files and folders as a drop or File → Import does; returns the task."""
        return self.window.import_paths(list(paths))

    def drop(self, event) -> None:
        """Deliver a drop event to the window."""
        self.window.dropEvent(event)

    def import_results(self, after=None, timeout: int = 20_000):
        """Wait for the import results dialog (a new one, when ``after`` is the previous)."""
        imports = self.window.imports
        self.qtbot.waitUntil(lambda: imports.results_dialog is not None
                             and imports.results_dialog is not after, timeout=timeout)
        return imports.results_dialog

    def import_progress(self):
        """The progress dialog of the running import."""
        return self.window.imports.progress_dialog

    def paste_dialog(self):
        """File → Paste article…, and return the dialog it opens."""
        self.trigger("paste")
        return self.window.imports.paste_dialog


@pytest.fixture
def drive(window, qtbot) -> WindowDriver:
    return WindowDriver(window, qtbot)


@pytest.fixture
def window(qtbot, db, settings, articles) -> Iterator:
    from desktop import tasks
    from desktop.main_window import MainWindow

    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    WindowDriver(win, qtbot).wait_loaded(lambda: win.claims_model.rowCount() > 0)
    yield win
    win.close()
    assert tasks.shut_down(10_000)
