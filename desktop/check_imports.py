"""File → Import fact-checks…: published fact-checks into the library, in a worker with progress
and Cancel, ending in a report that lists what was left out and why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import MATCHED
from desktop.controllers.base import Controller
from desktop.tasks import Task, TaskContext, TaskProgressDialog, run_with_progress
from desktop.window_messages import plain
from ingest.factcheck_import import CheckFileResult, import_check_files
from storage.database import Database

FILE_TYPES = "*.json *.jsonld *.html *.htm *.csv *.tsv"


class CheckImportReport(QDialog):
    """What each file gave: counts, then every item left out with its line or position."""

    def __init__(self, results: Sequence[CheckFileResult], *, cancelled: bool, close: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fact-check import finished"))
        self.setModal(False)
        self.resize(820, 420)
        imported = sum(r.imported for r in results)
        left_out = sum(r.bad_count for r in results)
        summary = self.tr("{n} fact-checks imported, {d} already in the library, {b} left "
                          "out.").format(n=imported, d=sum(r.duplicates for r in results),
                                         b=left_out)
        if cancelled:
            summary += " " + self.tr("Cancelled: what was stored stays; importing the same "
                                     "files again adds only the rest.")
        if close:
            summary += " " + self.tr("{c} claims in the Inbox are close to a published "
                                     "fact-check.").format(c=close)
        self.summary = plain(QLabel(summary))
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(line for r in results for line in r.lines()))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class CheckImports(Controller):
    """Runs fact-check imports for the window (``changes``: the Inbox markers moved)."""

    def __init__(self, db: Database, parent: QWidget, actor: Callable[[], str],
                 task_failed: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._db = db
        self._parent = parent
        self._actor = actor
        self._task_failed = task_failed
        self.task: Task | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.report: CheckImportReport | None = None
        self.last_dir: Path | None = None

    def set_database(self, db: Database) -> None:
        self._db = db

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Import fact-checks"), str(self.last_dir or Path.home()),
            self.tr("Fact-checks ({types});;All files (*)").format(types=FILE_TYPES))
        if names:
            paths = [Path(n) for n in names]
            self.last_dir = paths[0].parent
            self.import_files(paths)

    def import_files(self, paths: Sequence[Path]) -> Task | None:
        if self.task is not None and self.task.is_running():
            self.error.emit(self.tr("A fact-check import is already running."))
            return None
        db, actor, paths = self._db, self._actor(), list(paths)

        def work(ctx: TaskContext) -> tuple[list[CheckFileResult], bool, int]:
            from matching.checked import after_import

            def progress(done: int, total: int, items: int) -> None:
                name = paths[min(done, len(paths) - 1)].name
                ctx.progress(done, total, self.tr("{file}: {n} fact-checks read").format(
                    file=name, n=items) if items else name)

            results = list(import_check_files(db, paths, actor=actor, progress=progress,
                                              cancelled=ctx.cancelled))
            cancelled = ctx.cancelled()
            close = 0
            if any(r.imported for r in results):
                ctx.progress(0, 0, self.tr("Updating the look-up index and the Inbox markers…"))
                close = after_import(db)
            return results, cancelled, close

        self.progress_dialog = run_with_progress(
            self.tr("Importing fact-checks"), work, self._finished, parent=self._parent,
            on_error=self._task_failed, name="import-checks", owner=self,
            cancelling=self.tr("Cancelling after the current batch…"))
        self.task = self.progress_dialog.task
        return self.task

    def _finished(self, outcome: tuple[list[CheckFileResult], bool, int]) -> None:
        results, cancelled, close = outcome
        if self.report is not None:
            self.report.close()
        self.report = CheckImportReport(results, cancelled=cancelled, close=close,
                                        parent=self._parent)
        self.report.show()
        imported = sum(r.imported for r in results)
        self.message.emit(self.tr("{n} fact-checks imported into the library.").format(
            n=imported))
        if imported:
            self.changes.emit(MATCHED)
