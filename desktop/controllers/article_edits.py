"""Editing an article's title, outlet, author, date and URL from the Articles view, with undo
(storage.articles.edit_article: one transaction and one audit entry per edit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.article_edit import ArticleEditDialog
from desktop.changes import ARTICLES
from desktop.controllers.base import Controller
from desktop.tasks import run_task
from desktop.undo import WrittenCommand
from storage.actions import edit_article, undo_article_edit
from storage.articles import ArticleEdit, ArticleEditError
from storage.database import Database
from storage.reads import article_edit_form


class _EditCommand(WrittenCommand):
    def __init__(self, owner: ArticleEdits, edit: ArticleEdit) -> None:
        super().__init__(owner.tr("Edit article #{id}").format(id=edit.article_id))
        self._owner = owner
        self._edit = edit

    def revert(self) -> None:
        self._owner.write(lambda db, actor: undo_article_edit(db, self._edit, actor=actor),
                           self._edit.article_id)

    def reapply(self) -> None:
        self._owner.write(lambda db, actor: edit_article(db, self._edit.article_id,
                                                          self._edit.after, actor=actor),
                           self._edit.article_id)


class ArticleEdits(Controller):
    """Opens the dialog for an article, writes the edit in a worker, pushes an undo step.

    Every written edit (and its undo and redo) emits ``changes`` (ARTICLES: the lists, outlets
    and counts reload); an edit storage refuses is said on ``error``.
    """

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
            self.error.emit(str(exc))
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

        self.write(lambda db, actor: edit_article(db, article_id, changes, actor=actor),
                    article_id, then=done)

    def write(self, write: Callable[[Database, str], Any], article_id: int,
               then: Callable[[Any], None] | None = None) -> None:
        db, actor = self._db, self._actor()

        def work(_ctx: Any) -> Any:
            return write(db, actor)

        def finished(result: Any) -> None:
            if then is not None:
                then(result)
            self.changes.emit(ARTICLES)

        run_task(work, name="article.edit", on_result=finished, on_error=self._write_failed,
                 serial=True, owner=self)

    def _write_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ArticleEditError):
            raise exc  # a programming error: let it be seen, not swallowed
        self.error.emit(str(exc))
