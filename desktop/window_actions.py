"""The main window's actions in one table, and the menus and toolbar built from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from desktop.controllers.exports import ExportKind
from desktop.sidebar import View
from desktop.verdict_labels import rating_swatch, rating_text
from export.ratings import RATING_ORDER
from storage.models import ClaimStatus

# desktop.main_window.MainWindow, which imports this module (so not imported here).
MainWindow = Any

SP = QStyle.StandardPixmap
Key = QKeySequence.StandardKey
Role = QAction.MenuRole


def tr(text: str) -> str:
    # Translated in the window's context, where these strings have always lived.
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class ActionSpec:
    """One action: stored on the window as ``attr``, triggering ``slot(window)``."""

    attr: str
    text: str
    slot: Callable[[MainWindow], Any]
    shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = ()
    icon: QStyle.StandardPixmap | None = None
    tip: str = ""
    toolbar_text: str = ""  # the toolbar's label, without the menu's "&" and "…"
    role: QAction.MenuRole | None = None
    starts_enabled: bool = True


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import_files_action", "&Import files…", lambda w: w.imports.choose_files(),
               ["Ctrl+I"], SP.SP_FileIcon, "Import article files (.txt, .md, .html, .pdf)"),
    ActionSpec("import_folder_action", "Import &folder…", lambda w: w.imports.choose_folder(),
               ["Ctrl+Shift+I"], SP.SP_DirOpenIcon, "Import every article file in a folder"),
    ActionSpec("paste_action", "&Paste article…", lambda w: w.imports.open_paste_dialog(),
               ["Ctrl+Shift+V"], SP.SP_FileDialogDetailedView, "Store an article from pasted text"),
    ActionSpec("quit_action", "&Quit", lambda w: w.close(), [Key.Quit, "Ctrl+Q"],
               role=Role.QuitRole),
    ActionSpec("accept_action", "&Accept claim",
               lambda w: w.set_selected_status(ClaimStatus.ACCEPTED), ["A"],
               SP.SP_DialogApplyButton, "Accept the selected claims as check-worthy (A)",
               "Accept", starts_enabled=False),
    ActionSpec("reject_action", "&Reject claim",
               lambda w: w.set_selected_status(ClaimStatus.REJECTED), ["R"],
               SP.SP_DialogCancelButton, "Reject the selected claims (R)", "Reject",
               starts_enabled=False),
    ActionSpec("repropose_action", "Back to &proposed",
               lambda w: w.set_selected_status(ClaimStatus.PROPOSED), ["P"], None,
               "Put the selected claims back into the Inbox (P)", starts_enabled=False),
    ActionSpec("preferences_action", "&Preferences…", lambda w: w.open_preferences(),
               [Key.Preferences, "Ctrl+,"], None,
               "Your reviewer name, organisation and export folder", role=Role.PreferencesRole),
    ActionSpec("matching_action", "Run &matching", lambda w: w.start_matching(), ["Ctrl+M"],
               SP.SP_BrowserReload,
               "Match claims that have no claim group yet with the stored ones (Ctrl+M)",
               "Run matching"),
    ActionSpec("compare_action", "&Compare two claims", lambda w: w.compare_selected(),
               ["Ctrl+Shift+C"], None, "Why matching finds the two selected claims one claim, "
               "conflicting figures or two claims (Ctrl+Shift+C)", starts_enabled=False),
    ActionSpec("show_group_action", "Show the claim's &group",
               lambda w: w.detail.request_group(), ["Ctrl+G"], None,
               "Open the selected claim's group (Ctrl+G)"),
    ActionSpec("import_checks_action", "Import fact-chec&ks…",
               lambda w: w.check_imports.choose_files(), [], None,
               "Add published fact-checks (ClaimReview JSON-LD, Google Fact Check JSON, saved "
               "pages, CSV) to the library every claim is looked up in"),
    ActionSpec("import_claimreview_action", "Import &ClaimReview…",
               lambda w: w.exports.import_claimreview(), [], None,
               "Merge verdicts from a ClaimReview file written by another Claimdesk"),
    ActionSpec("export_briefing_action", "PDF &briefing…",
               lambda w: w.exports.start(ExportKind.BRIEFING), ["Ctrl+Shift+E"], None,
               "A PDF briefing of the claim groups and verdicts"),
    ActionSpec("export_card_action", "&Verdict card…", lambda w: w.export_verdict_card(), [],
               None, "A one-page PDF of the selected claim group's verdict"),
    ActionSpec("export_claimreview_action", "&ClaimReview JSON-LD…",
               lambda w: w.exports.start(ExportKind.CLAIMREVIEW), [], None,
               "Published verdicts as schema.org ClaimReview"),
    ActionSpec("export_csv_action", "C&SV…", lambda w: w.exports.start(ExportKind.CSV), [],
               None, "Claim groups, appearances and verdicts as a spreadsheet"),
    ActionSpec("next_action", "&Next claim", lambda w: w.move_selection(1), ["J"]),
    ActionSpec("previous_action", "P&revious claim", lambda w: w.move_selection(-1), ["K"]),
    ActionSpec("find_action", "&Find claims", lambda w: w.filters.focus_search(), [Key.Find]),
    ActionSpec("refresh_action", "Re&fresh", lambda w: w.refresh_all(), [Key.Refresh, "F5"],
               SP.SP_BrowserReload),
    ActionSpec("about_action", "&About Claimdesk", lambda w: w.show_about(),
               role=Role.AboutRole),
)

EXPORTS = {
    ExportKind.BRIEFING: "export_briefing_action",
    ExportKind.CARD: "export_card_action",
    ExportKind.CLAIMREVIEW: "export_claimreview_action",
    ExportKind.CSV: "export_csv_action",
}

SEPARATOR = "-"

# A menu item: an action's attribute name, SEPARATOR, or a function giving the window's actions.
MenuItem = str | Callable[[MainWindow], list[QAction]]
MENUS: tuple[tuple[str, tuple[MenuItem, ...]], ...] = (
    ("&File", ("@database", SEPARATOR, "import_files_action", "import_folder_action",
               "paste_action", "import_checks_action", "import_claimreview_action", SEPARATOR,
               "quit_action")),
    ("&Edit", ("undo_action", "redo_action", SEPARATOR, "accept_action", "reject_action",
               "repropose_action", lambda w: [w.detail.new_claim_action], SEPARATOR,
               "find_action", SEPARATOR, "preferences_action")),
    ("&Groups", ("matching_action", "show_group_action", "compare_action", "@ratings")),
    ("E&xport", tuple(EXPORTS.values())),
    ("&View", (lambda w: list(w.view_actions.values()), SEPARATOR, "next_action",
               "previous_action", SEPARATOR, "refresh_action")),
    ("&Help", ("about_action",)),
)

TOOLBAR: tuple[str, ...] = (
    "import_files_action", "import_folder_action", "paste_action", SEPARATOR,
    "accept_action", "reject_action", SEPARATOR, "undo_action", "redo_action", SEPARATOR,
    "matching_action",
)


def make_action(window: MainWindow, text: str, slot: Callable[[], Any],
                shortcuts: Sequence[Any] = (), icon: QStyle.StandardPixmap | None = None,
                tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcuts:
        # A platform's standard key may equal the explicit one; a duplicate would make
        # the shortcut ambiguous and it would never fire.
        keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}
        action.setShortcuts([k for k in keys.values() if not k.isEmpty()])
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    # Window-wide, so single-letter shortcuts work from the table and the detail pane;
    # the search box keeps its letters because line edits claim printable keys first.
    window.addAction(action)
    return action


def build_actions(window: MainWindow) -> None:
    """Make every action of the table (and undo, redo, views, ratings) as window attributes."""
    for spec in ACTIONS:
        action = make_action(window, tr(spec.text), lambda s=spec: s.slot(window),
                             spec.shortcuts, spec.icon, tr(spec.tip) if spec.tip else "")
        if spec.role is not None:
            action.setMenuRole(spec.role)
        if spec.toolbar_text:
            action.setIconText(tr(spec.toolbar_text))
        action.setEnabled(spec.starts_enabled)
        setattr(window, spec.attr, action)
    window.export_actions = {kind: getattr(window, attr) for kind, attr in EXPORTS.items()}

    style, stack = window.style(), window.undo_stack
    window.undo_action = stack.createUndoAction(window, tr("&Undo"))
    window.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
    window.undo_action.setIcon(style.standardIcon(SP.SP_ArrowBack))
    window.redo_action = stack.createRedoAction(window, tr("&Redo"))
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(Key.Redo)]
    window.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
    window.redo_action.setIcon(style.standardIcon(SP.SP_ArrowForward))
    window.undo_action.setIconText(tr("Undo"))
    window.redo_action.setIconText(tr("Redo"))
    window.addAction(window.undo_action)
    window.addAction(window.redo_action)
    # The detail pane owns it (its button and the article's context menu use it); added
    # here so that N works wherever the focus is in the window.
    window.addAction(window.detail.new_claim_action)

    window.view_group = QActionGroup(window)
    window.view_actions = {}
    for n, view in enumerate(View, start=1):
        action = make_action(window, view.label(), lambda v=view: window.sidebar.set_view(v),
                             [f"Ctrl+{n}"] if n <= 9 else [])
        action.setCheckable(True)
        window.view_group.addAction(action)
        window.view_actions[view] = action

    # Alt+1…7 rate the open claim group on the scale's order; Alt+0 clears the rating.
    window.rating_actions = []
    for n, rating in enumerate((None, *RATING_ORDER)):
        action = make_action(window, rating_text(rating),
                             lambda r=rating: window.rate_group(r), [f"Alt+{n}"])
        action.setIcon(rating_swatch(rating))
        window.rating_actions.append(action)


def _add_items(window: MainWindow, menu: QMenu, items: Sequence[MenuItem]) -> None:
    for item in items:
        if item == SEPARATOR:
            menu.addSeparator()
        elif item == "@database":
            window.database_menu.add_to(menu)
        elif item == "@ratings":
            rating_menu = menu.addMenu(tr("Set &rating"))
            rating_menu.addActions(window.rating_actions[1:])
            rating_menu.addSeparator()
            rating_menu.addAction(window.rating_actions[0])
        elif callable(item):
            menu.addActions(item(window))
        else:
            menu.addAction(getattr(window, item))


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    for title, items in MENUS:
        _add_items(window, bar.addMenu(tr(title)), items)


def build_toolbar(window: MainWindow) -> QToolBar:
    toolbar = QToolBar(tr("Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for item in TOOLBAR:
        if item == SEPARATOR:
            toolbar.addSeparator()
        else:
            toolbar.addAction(getattr(window, item))
    window.addToolBar(toolbar)
    return toolbar
