"""Merge with another claim group: choose the group whose appearances move into this one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import run_task
from storage.database import Database
from storage.queries import GroupDetail
from storage.reads import groups_list


class MergeDialog(QDialog):
    """Choose the claim group whose appearances move into this one."""

    def __init__(self, db: Database, detail: GroupDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge with another claim group"))
        self.setMinimumSize(560, 420)
        self.chosen_id: int | None = None
        self._detail = detail
        intro = QLabel(self.tr(
            "The appearances of the group you choose move into claim group #{id} as confirmed "
            "matches, and that group is removed; #{id} keeps its verdict and the other group's "
            "verdict is set aside. Edit → Undo (Ctrl+Z) reverses the merge, verdict included."
        ).format(id=detail.id))
        intro.setObjectName("mergeIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by words in the claim or #id"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("mergeCandidates")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._update)
        self._update()

        conflicting = {c.other_id: c.other_text for c in detail.conflicts}
        for gid, text in conflicting.items():
            self._add(gid, text, self.tr("conflicting figures"))

        run_task(lambda _ctx: groups_list(db, 2000), name="merge.candidates", owner=self,
                 on_result=lambda rows: [self._add(r.id, r.canonical_text, "") for r in rows
                                         if r.id != detail.id and r.id not in conflicting])

    def _add(self, group_id: int, text: str, note: str) -> None:
        label = f"#{group_id}  {text}" + (f"  ({note})" if note else "")
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, group_id)
        self.list.addItem(item)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def _update(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.list.currentItem() is not None)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen_id = item.data(Qt.ItemDataRole.UserRole)
        super().accept()
