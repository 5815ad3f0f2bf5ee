"""Editing an article's title, outlet, author, date and URL from the Articles view, with undo
(storage.articles.edit_article: one transaction and one audit entry per edit)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
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
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from storage.actions import edit_article, undo_article_edit
from storage.articles import UNKNOWN_OUTLET, ArticleEdit, ArticleEditError
from storage.database import Database
from storage.reads import article_edit_form


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
        self.error = QLabel()
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


class _EditCommand(WrittenCommand):
    def __init__(self, owner: ArticleEdits, edit: ArticleEdit) -> None:
        super().__init__(owner.tr("Edit article #{id}").format(id=edit.article_id))
        self._owner = owner
        self._edit = edit

    def revert(self) -> None:
        self._owner._write(lambda db, actor: undo_article_edit(db, self._edit, actor=actor),
                           self._edit.article_id)

    def reapply(self) -> None:
        self._owner._write(lambda db, actor: edit_article(db, self._edit.article_id,
                                                          self._edit.after, actor=actor),
                           self._edit.article_id)


class ArticleEdits(QObject):
    """Opens the dialog for an article, writes the edit in a worker, pushes an undo step."""

    changed = Signal(int)  # the article id: its lists and outlets need reloading
    failed = Signal(str)

    def __init__(self, db: Database, actor: Callable[[], str], undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.undo_stack = undo_stack
        self._parent = parent
        self.dialog: ArticleEditDialog | None = None

    def open_dialog(self, article_id: int) -> ArticleEditDialog | None:
        try:  # one row and the outlet names: quick
            values, outlets = article_edit_form(self._db, article_id)
        except ArticleEditError as exc:
            self.failed.emit(str(exc))
            return None
        dialog = ArticleEditDialog(article_id, values, outlets, self._parent)
        dialog.accepted.connect(lambda: self.apply(article_id, dialog.changes))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply(self, article_id: int, changes: dict[str, Any]) -> None:
        if not changes:
            return

        def done(edit: ArticleEdit) -> None:
            if edit.after:
                self.undo_stack.push(_EditCommand(self, edit))

        self._write(lambda db, actor: edit_article(db, article_id, changes, actor=actor),
                    article_id, then=done)

    def _write(self, write: Callable[[Database, str], Any], article_id: int,
               then: Callable[[Any], None] | None = None) -> None:
        db, actor = self._db, self._actor()

        def work(_ctx: Any) -> Any:
            return write(db, actor)

        def finished(result: Any) -> None:
            if then is not None:
                then(result)
            self.changed.emit(article_id)

        run_task(work, name="article.edit", on_result=finished, on_error=self._error,
                 serial=True, owner=self)

    def _error(self, exc: BaseException) -> None:
        if not isinstance(exc, ArticleEditError):
            raise exc
        self.failed.emit(str(exc))
