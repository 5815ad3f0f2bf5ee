"""The dialog that edits an article's title, outlet, author, date and URL (its controller, with
undo, is desktop.controllers.article_edits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.import_dialogs import read_date_field
from desktop.window_messages import plain
from storage.articles import UNKNOWN_OUTLET


class ArticleEditDialog(QDialog):
    """The five fields; on OK ``changes`` holds the edited values (the dialog stays open with a
    sentence when the date cannot be read)."""

    def __init__(self, article_id: int, values: dict[str, Any], outlets: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit article #{id}").format(id=article_id))
        self.setMinimumWidth(560)
        self.article_id = article_id
        self.changes: dict[str, Any] = {}
        self.title = QLineEdit(values.get("title") or "")
        self.outlet = QComboBox()
        self.outlet.setEditable(True)
        self.outlet.addItems([o for o in outlets if o != UNKNOWN_OUTLET])
        outlet = values.get("outlet") or ""
        self.outlet.setCurrentText("" if outlet == UNKNOWN_OUTLET else outlet)
        self.outlet.lineEdit().setPlaceholderText(self.tr("Which outlet published it"))
        self.author = QLineEdit(values.get("author") or "")
        published = values.get("published")
        self.date = QLineEdit(published.isoformat() if published else "")
        self.date.setPlaceholderText("2025-06-01")
        self.url = QLineEdit(values.get("url") or "")
        self.url.setPlaceholderText("https://…")
        self.error = plain(QLabel())
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Outlet:"), self.outlet)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&URL:"), self.url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._original = values

    def accept(self) -> None:
        try:
            published = read_date_field(self.date.text())
        except ValueError:
            self.error.setText(self.tr("“{text}” is not a date; write it as 2025-06-01.")
                               .format(text=self.date.text()))
            self.error.show()
            return
        outlet = self.outlet.currentText().strip()
        if not outlet:
            self.error.setText(self.tr("Name the outlet that published the article."))
            self.error.show()
            return
        wanted = {"title": self.title.text(), "outlet": outlet, "author": self.author.text(),
                  "published": published, "url": self.url.text()}
        self.changes = {k: v for k, v in wanted.items()
                        if (v or None) != (self._original.get(k) or None)}
        super().accept()
