"""Import for the window: files, a folder, dropped paths and pasted text, each stored in a
worker with a progress dialog and Cancel, ending in a per-file report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.changes import ARTICLES
from desktop.controllers.base import Controller
from desktop.import_dialogs import ImportResultsDialog, PasteArticleDialog, import_summary
from desktop.settings import Settings
from desktop.tasks import Task, TaskContext, TaskProgressDialog, run_task, run_with_progress
from ingest import ParsedDocument
from ingest.pipeline import FileResult, Outcome
from storage.database import Database
from workflows.importing import import_paths, store_document

FILE_TYPES = "*.txt *.md *.markdown *.html *.htm *.pdf"


class Imports(Controller):
    """Runs imports for the window; says what happened through its signals."""

    articleStored = Signal(int)  # a pasted article (or the one it duplicates): show it

    def __init__(self, db: Database, settings: Settings, parent: QWidget,
                 task_failed: Callable[[BaseException], None],
                 outlet_names: Callable[[], list[str]]) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._parent = parent
        self._task_failed = task_failed
        self._outlet_names = outlet_names
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.results_dialog: ImportResultsDialog | None = None
        self.paste_dialog: PasteArticleDialog | None = None

    def choose_files(self) -> None:
        start = str(self._settings.last_import_dir or Path.home())
        names, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Import articles"), start,
            self.tr("Articles ({types});;All files (*)").format(types=FILE_TYPES))
        if names:
            paths = [Path(n) for n in names]
            self._settings.last_import_dir = paths[0].parent
            self.import_paths(paths)

    def choose_folder(self) -> None:
        start = str(self._settings.last_import_dir or Path.home())
        folder = QFileDialog.getExistingDirectory(
            self._parent, self.tr("Import a folder of articles"), start)
        if folder:
            self._settings.last_import_dir = Path(folder)
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path]) -> Task | None:
        """Import files and folders in a worker, with a progress dialog and a report at the end."""
        if self.task is not None and self.task.is_running():
            self.error.emit(self.tr("An import is already running; wait for it or cancel it."))
            return None
        db, actor, paths = self._db, self._settings.actor(), list(paths)

        def work(ctx: TaskContext) -> tuple[list[FileResult], bool]:
            results = list(import_paths(
                db, paths, actor=actor,
                progress=lambda done, total, path: ctx.progress(done, total, path.name),
                cancelled=ctx.cancelled,
            ))
            return results, ctx.cancelled()

        self.progress_dialog = run_with_progress(
            self.tr("Importing articles"), work, self._finished, parent=self._parent,
            on_error=self._task_failed, name="import", owner=self)
        self.task = self.progress_dialog.task
        return self.task

    def _finished(self, outcome: tuple[list[FileResult], bool]) -> None:
        results, cancelled = outcome
        if self.results_dialog is not None:
            self.results_dialog.close()
        self.results_dialog = ImportResultsDialog(results, cancelled=cancelled,
                                                  parent=self._parent)
        self.results_dialog.show()
        self.message.emit(import_summary(results, cancelled=cancelled))
        if any(r.outcome == Outcome.IMPORTED for r in results):
            self.changes.emit(ARTICLES)

    def open_paste_dialog(self) -> PasteArticleDialog:
        dialog = PasteArticleDialog(self._outlet_names(), self._parent)
        dialog.accepted.connect(lambda: self._store_pasted(dialog.document))
        dialog.finished.connect(dialog.deleteLater)
        self.paste_dialog = dialog
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _store_pasted(self, doc: ParsedDocument | None) -> None:
        if doc is None:
            return
        db, actor = self._db, self._settings.actor()
        run_task(lambda _ctx: store_document(db, doc, source="pasted text", actor=actor),
                 name="paste", on_result=self._pasted, on_error=self._task_failed, owner=self)

    def _pasted(self, result: FileResult) -> None:
        if result.outcome == Outcome.IMPORTED:
            self.message.emit(
                self.tr("Article stored: {n} proposed claim(s).").format(n=result.claims))
        else:
            self.error.emit(
                self.tr("The article was not stored: {why}").format(why=result.message))
        self.changes.emit(ARTICLES)
        if result.article_id is not None:
            self.articleStored.emit(result.article_id)


def dropped_paths(mime: object) -> list[Path]:
    """Local files and folders in a drag's data (URLs of other kinds are ignored)."""
    if not mime.hasUrls():  # type: ignore[attr-defined]
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()  # type: ignore[attr-defined]
            if url.isLocalFile()]
