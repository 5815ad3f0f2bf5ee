"""The group pane: one claim group's appearances across outlets, why they matched, conflicting
figures, the match decisions, and its verdict editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.already_checked import AlreadyCheckedPanel
from desktop.browse_panel import Column, RowListModel
from desktop.claims_model import category_label
from desktop.controllers.groups import GroupOps, VerdictOps
from desktop.group_frames import GroupFrames
from desktop.groups_view import CLAIM_MIME, claim_mime, dragged_group
from desktop.merge_dialog import MergeDialog
from desktop.settings import Settings
from desktop.tasks import run_task
from desktop.unsaved_verdict import UnsavedVerdict
from desktop.verdict_editor import WARNING_STYLE, VerdictEditor
from desktop.verdict_labels import rating_text, verdict_status_text
from storage.database import Database
from storage.factchecks import LibraryEntry, evidence_item
from storage.models import MemberDecision
from storage.queries import GroupAppearance, GroupDetail
from storage.reads import read_group_detail
from storage.verdicts import VerdictDraft

_DECISIONS = {
    MemberDecision.AUTO: QT_TRANSLATE_NOOP("GroupPane", "Matched automatically"),
    MemberDecision.CONFIRMED: QT_TRANSLATE_NOOP("GroupPane", "Confirmed"),
}


def why_matched(a: GroupAppearance) -> str:
    """Why matching put this appearance in the group, from its stored explanation."""
    tr = QCoreApplication.translate
    parts = []
    if a.similarity is not None:
        parts.append(tr("GroupPane", "wording {percent:.0%} alike").format(percent=a.similarity))
    if a.figures_agree:
        parts.append(tr("GroupPane", "figures agree: {pairs}").format(
            pairs="; ".join(f"{x} = {y}" for x, y in a.figures_agree)))
    if a.figures_differ:
        parts.append(tr("GroupPane", "figures differ: {pairs}").format(
            pairs="; ".join(f"{x} ≠ {y}" for x, y in a.figures_differ)))
    if not parts:
        if a.decision == MemberDecision.CONFIRMED:
            return tr("GroupPane", "confirmed by a person")
        return tr("GroupPane", "first claim of the group")
    return ", ".join(parts)


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # everything here comes from articles
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


ModelIndex = QModelIndex | QPersistentModelIndex


class AppearancesModel(RowListModel):
    """The appearances of the shown group; each row can be dragged to another group."""

    def __init__(self, columns: Any, context: str, group_id: Callable[[], int | None],
                 parent: Any = None) -> None:
        super().__init__(columns, context, parent)
        self._group_id = group_id

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        several = self.rowCount() > 1  # the last appearance goes with its group (a merge)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() and several else flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [CLAIM_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt API)
        group_id = self._group_id()
        rows = self.rows()
        if not indexes or group_id is None or not 0 <= indexes[0].row() < len(rows):
            return QMimeData()
        return claim_mime(group_id, rows[indexes[0].row()].claim_id)


class GroupPane(QWidget):
    """Shows one claim group; ``show_group(id)`` loads it off the GUI thread (latest call wins)."""

    groupRequested = Signal(int)  # the reviewer asked to see another group
    # The reviewer chose to stay on this group (unsaved verdict): the list should show it again.
    stayed = Signal(int)
    shown = Signal(object)  # the GroupDetail now shown, or None
    message = Signal(str)

    APPEARANCE_COLUMNS = (
        Column[GroupAppearance](QT_TRANSLATE_NOOP("GroupPane", "Outlet"), lambda a: a.outlet,
                                width=130),
        Column[GroupAppearance](QT_TRANSLATE_NOOP("GroupPane", "Date"), lambda a: a.published,
                                width=88),
        Column[GroupAppearance](QT_TRANSLATE_NOOP("GroupPane", "Sentence"), lambda a: a.sentence),
        Column[GroupAppearance](QT_TRANSLATE_NOOP("GroupPane", "Similarity"),
                                lambda a: f"{a.similarity:.2f}" if a.similarity is not None else "",
                                numeric=True, width=70),
        Column[GroupAppearance](
            QT_TRANSLATE_NOOP("GroupPane", "Match"),
            lambda a: QCoreApplication.translate("GroupPane", _DECISIONS.get(a.decision, a.decision)),
            width=150),
    )

    def __init__(self, db: Database, group_ops: GroupOps, verdict_ops: VerdictOps,
                 settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ops = group_ops
        self.setAcceptDrops(True)  # a claim group dragged from the list merges into this one
        self._request = 0
        self.detail: GroupDetail | None = None
        self.merge_dialog: MergeDialog | None = None
        group_ops.changed.connect(self._group_changed)

        self.stack = QStackedWidget(self)
        self.empty = QLabel(self.tr("Select a claim group to see where it was stated."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)

        self.title = _plain()
        self.title.setObjectName("groupTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.meta = _plain()
        self.meta.setObjectName("groupMeta")

        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("conflictBox")
        self.conflict_box.setStyleSheet(WARNING_STYLE.format(name="conflictBox"))
        self.conflict_layout = QVBoxLayout(self.conflict_box)
        self.frames = GroupFrames(db, self)  # the banner's measure and period, why matched
        self.frames.loaded.connect(lambda: self._appearance_chosen(QItemSelection(),
                                                                   QItemSelection()))

        self.appearances = AppearancesModel(self.APPEARANCE_COLUMNS, "GroupPane", self.group_id,
                                            self)
        self.table = QTableView()
        self.table.setObjectName("appearancesTable")
        self.table.setModel(self.appearances)
        # Drag an appearance onto another group in the list to move it there, or onto the
        # list's empty space to split it out.
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Whole sentences: rows grow to their wrapped text instead of cutting it short above
        # empty space (#17.14); a group has few appearances, so measuring them is cheap.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for section, column in enumerate(self.APPEARANCE_COLUMNS):
            if column.width:
                header.resizeSection(section, column.width)
        self.table.selectionModel().selectionChanged.connect(self._appearance_chosen)

        self.sentence = _plain()
        self.sentence.setObjectName("appearanceSentence")
        self.why = _plain()
        self.why.setObjectName("appearanceWhy")

        self.confirm_button = QPushButton(self.tr("&Confirm match"))
        self.confirm_button.setToolTip(self.tr("Yes, this is the same claim (re-matching keeps it)"))
        self.reject_button = QPushButton(self.tr("&Not the same"))
        self.reject_button.setToolTip(self.tr(
            "This is a different claim: move it out and keep re-matching from putting it back"))
        self.split_button = QPushButton(self.tr("S&plit out"))
        self.split_button.setToolTip(self.tr("Move this appearance into a claim group of its own"))
        self.merge_button = QPushButton(self.tr("&Merge with…"))
        self.merge_button.setToolTip(self.tr("Move another claim group's appearances into this one"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.reject_button.clicked.connect(lambda: self.reject_selected(split=False))
        self.split_button.clicked.connect(lambda: self.reject_selected(split=True))
        self.merge_button.clicked.connect(self.open_merge_dialog)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.split_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)

        appearances_tab = QWidget()
        appearances_layout = QVBoxLayout(appearances_tab)
        appearances_layout.addWidget(self.table, 1)
        appearances_layout.addWidget(self.sentence)
        appearances_layout.addWidget(self.why)
        appearances_layout.addLayout(buttons)

        self.editor = VerdictEditor(verdict_ops, settings)
        self.unsaved = UnsavedVerdict(self.editor, verdict_ops, self.group_id, self._show_group,
                                      self)
        self.unsaved.stayed.connect(self.stayed)
        self.unsaved.groupRequested.connect(self.groupRequested)
        self.editor.reloadRequested.connect(self.show_group)
        self.editor.message.connect(self.message)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("groupTabs")
        self.tabs.addTab(appearances_tab, self.tr("Appearances"))
        self.tabs.addTab(self.editor, self.tr("Verdict"))
        # Published fact-checks of this claim: evidence for the verdict, or "same claim" links.
        self.already_checked = AlreadyCheckedPanel(db, actor=settings.actor)
        self.already_checked.useAsEvidence.connect(self.use_as_evidence)
        checked_scroll = QScrollArea()
        checked_scroll.setObjectName("alreadyCheckedTab")
        checked_scroll.setWidget(self.already_checked)
        checked_scroll.setWidgetResizable(True)
        self.tabs.addTab(checked_scroll, self.tr("Already checked"))

        # A plain column, not a splitter: the header and the warning take the room they need
        # (a conflict must never be cut off), the tabs get the rest.
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.meta)
        body_layout.addWidget(self.conflict_box)
        body_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._update_buttons()

    def rate(self, rating: str | None) -> bool:
        """Show the verdict tab with ``rating`` chosen; False when no group is shown."""
        if self.editor.group_id is None or self.editor.group_id != self.group_id():
            return False
        self.tabs.setCurrentWidget(self.editor)
        self.editor.set_rating(rating)
        return True

    # -- loading ----------------------------------------------------------------------------
    def group_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None

    def show_group(self, group_id: int | None) -> None:
        """Show another group, first asking what to do with unsaved verdict edits."""
        self.unsaved.leave_for(group_id)

    @property
    def ask_unsaved(self) -> Callable[[Callable[[str], None]], None]:
        """Called with a callback taking "save", "discard" or "cancel" (tests answer it)."""
        return self.unsaved.ask

    @ask_unsaved.setter
    def ask_unsaved(self, ask: Callable[[Callable[[str], None]], None]) -> None:
        self.unsaved.ask = ask

    def has_unsaved_verdict(self) -> bool:
        return self.unsaved.has_unsaved()

    def unsaved_verdict(self) -> tuple[int, VerdictDraft] | None:
        """The group and the draft of a verdict being edited and not saved, if any."""
        return self.unsaved.draft()

    def settle_unsaved(self, then: Callable[[], None]) -> None:
        """Call ``then`` once unsaved verdict edits are saved or discarded; not if cancelled."""
        self.unsaved.settle(then)

    def _show_group(self, group_id: int | None) -> None:
        self._request += 1
        request = self._request
        if group_id is None:
            self.detail = None
            self.stack.setCurrentWidget(self.empty)
            self.shown.emit(None)
            return

        db = self._db
        run_task(lambda _ctx: read_group_detail(db, group_id), name="group_detail", on_result=lambda d: self._loaded(request, d), owner=self)

    def _loaded(self, request: int, detail: GroupDetail | None) -> None:
        if request != self._request:
            return
        keep = self.selected_claim_id() if detail and self.detail and detail.id == self.detail.id \
            else None
        self.detail = detail
        self.shown.emit(detail)
        if detail is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.title.setText(detail.canonical_text)
        v = detail.verdict
        self.meta.setText(self.tr(
            "Claim group #{id} · {category} · stated by {n} outlet(s) · verdict: {rating}, {status}"
        ).format(id=detail.id, category=category_label(detail.category) or self.tr("no category"),
                 n=detail.outlets, rating=rating_text(v.rating if v else None),
                 status=verdict_status_text(v.status if v else None)))
        self._fill_conflicts(detail)
        self.frames.load(detail.id)
        self.appearances.set_rows(detail.appearances)
        rows = [a.claim_id for a in detail.appearances]
        self.table.selectRow(rows.index(keep) if keep in rows else 0)
        self.editor.set_group(detail)
        self.already_checked.show_claim(detail.canonical_text, detail.id)
        self.tabs.setTabText(0, self.tr("Appearances ({n})").format(n=len(detail.appearances)))
        self.stack.setCurrentWidget(self.body)
        self._update_buttons()

    def use_as_evidence(self, entry: LibraryEntry) -> None:
        """Add a published fact-check to the open verdict's evidence, cited (saved with it)."""
        if self.editor.group_id is None or self.editor.group_id != self.group_id():
            return
        self.editor.add_evidence_row(evidence_item(entry))
        self.tabs.setCurrentWidget(self.editor)
        self.message.emit(self.tr("Added to the evidence; save the verdict to keep it."))

    def _fill_conflicts(self, detail: GroupDetail) -> None:
        while self.conflict_layout.count():
            item = self.conflict_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
            elif item.layout() is not None:
                self._clear_layout(item.layout())
        self.conflict_box.setVisible(bool(detail.conflicts))
        if not detail.conflicts:
            return
        heading = QLabel(self.tr("⚠ Conflicting figures: another claim group states this claim "
                                 "with figures that disagree. Check which is right before rating."))
        heading.setWordWrap(True)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        self.conflict_layout.addWidget(heading)
        for conflict in detail.conflicts:
            grid = QGridLayout()
            grid.setHorizontalSpacing(18)
            ours = QLabel(self.tr("This group (#{id})").format(id=detail.id))
            theirs = QLabel(self.tr("Claim group #{id}").format(id=conflict.other_id))
            for label in (ours, theirs):
                label.setFont(bold)
            grid.addWidget(ours, 0, 0)
            grid.addWidget(theirs, 0, 1)
            grid.addWidget(_plain(f"“{detail.canonical_text}”"), 1, 0)
            grid.addWidget(_plain(f"“{conflict.other_text}”"), 1, 1)
            for column, sides in ((0, conflict.ours), (1, conflict.theirs)):
                text = "\n".join(f"{s.outlet}: {s.figures}" for s in sides[:8])
                if len(sides) > 8:
                    text += "\n" + self.tr("… and {n} more").format(n=len(sides) - 8)
                grid.addWidget(_plain(text), 2, column)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            self.conflict_layout.addWidget(self.frames.banner_label(conflict.other_id))
            self.conflict_layout.addLayout(grid)
            footer = QHBoxLayout()
            if conflict.differ:
                footer.addWidget(_plain(self.tr("Differing figures: {pairs}").format(
                    pairs="; ".join(f"{a} ≠ {b}" for a, b in conflict.differ))), 1)
            else:
                footer.addStretch(1)
            go = QPushButton(self.tr("Show #{id}").format(id=conflict.other_id))
            go.clicked.connect(lambda _c=False, gid=conflict.other_id: self.groupRequested.emit(gid))
            footer.addWidget(go)
            self.conflict_layout.addLayout(footer)

    def _clear_layout(self, layout: Any) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                self._clear_layout(item.layout())

    # -- the appearance chosen --------------------------------------------------------------
    def selected_appearance(self) -> GroupAppearance | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        found = self.appearances.rows()
        return found[rows[0].row()] if rows[0].row() < len(found) else None

    def selected_claim_id(self) -> int | None:
        a = self.selected_appearance()
        return a.claim_id if a else None

    def select_claim(self, claim_id: int) -> bool:
        for row, a in enumerate(self.appearances.rows()):
            if a.claim_id == claim_id:
                self.table.selectRow(row)
                return True
        return False

    def _appearance_chosen(self, _s: QItemSelection, _d: QItemSelection) -> None:
        a = self.selected_appearance()
        self.sentence.setText(a.sentence if a else "")
        self.why.setText(self.tr("{outlet}, {date}. Why it matched: {why}. Figures: {figures}").format(
            outlet=a.outlet, date=a.published.isoformat() if a.published else self.tr("no date"),
            why=why_matched(a), figures=a.figures or "—") if a else "")
        if a is not None and self.frames.why(a.claim_id):
            self.why.setText(self.why.text() + "\n" + "\n".join(self.frames.why(a.claim_id)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        a = self.selected_appearance()
        several = self.detail is not None and len(self.detail.appearances) > 1
        self.confirm_button.setEnabled(a is not None and a.decision != MemberDecision.CONFIRMED
                                       and several)
        self.reject_button.setEnabled(a is not None and several)
        self.split_button.setEnabled(a is not None and several)
        self.merge_button.setEnabled(self.detail is not None)

    # -- decisions --------------------------------------------------------------------------
    def confirm_selected(self) -> None:
        a = self.selected_appearance()
        if self.detail is not None and a is not None:
            self._ops.confirm(self.detail.id, a.claim_id)

    def reject_selected(self, *, split: bool) -> None:
        a = self.selected_appearance()
        if self.detail is not None and a is not None:
            self._ops.reject(self.detail.id, a.claim_id, split=split)

    # -- a group dragged from the list onto this pane merges into the shown group -------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        source = dragged_group(event.mimeData())
        if source is not None and self.detail is not None and source != self.detail.id:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt API)
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        source = dragged_group(event.mimeData())
        if source is None or self.detail is None or source == self.detail.id:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self._ops.merge(self.detail.id, source)

    def open_merge_dialog(self) -> MergeDialog | None:
        if self.detail is None:
            return None
        dialog = MergeDialog(self._db, self.detail, self)
        target = self.detail.id
        dialog.accepted.connect(lambda: dialog.chosen_id is not None
                                and self._ops.merge(target, dialog.chosen_id))
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _group_changed(self, group_id: int, message: str) -> None:
        self.message.emit(message)
        if self.detail is not None:
            self.show_group(self.detail.id)
