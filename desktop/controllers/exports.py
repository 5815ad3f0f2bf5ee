"""The Export menu and File → Import ClaimReview…: choose a file, run the export in a worker,
say what was written (or why not), and open the file if asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout, QLabel, QWidget

from desktop.changes import GROUPS
from desktop.controllers.base import Controller
from desktop.settings import Settings
from desktop.tasks import Cancelled, TaskContext, TaskProgressDialog, run_with_progress
from export.claimreview import ClaimReviewError, ImportReport, import_claimreview
from export.paths import OutputError, safe_filename
from export.publisher import Publisher
from storage.database import Database
from storage.errors import StorageError


class ExportKind(Enum):
    BRIEFING = "briefing"
    CARD = "card"
    CLAIMREVIEW = "claimreview"
    CSV = "csv"

    def title(self) -> str:
        tr = QCoreApplication.translate
        return {
            ExportKind.BRIEFING: tr("Export", "Export a PDF briefing"),
            ExportKind.CARD: tr("Export", "Export a verdict card"),
            ExportKind.CLAIMREVIEW: tr("Export", "Export ClaimReview JSON-LD"),
            ExportKind.CSV: tr("Export", "Export CSV"),
        }[self]

    def file_filter(self) -> str:
        tr = QCoreApplication.translate
        return {
            ExportKind.BRIEFING: tr("Export", "PDF files (*.pdf)"),
            ExportKind.CARD: tr("Export", "PDF files (*.pdf)"),
            ExportKind.CLAIMREVIEW: tr("Export", "JSON-LD files (*.json *.jsonld)"),
            ExportKind.CSV: tr("Export", "CSV files (*.csv)"),
        }[self]

    @property
    def suffix(self) -> str:
        return {ExportKind.CLAIMREVIEW: ".json", ExportKind.CSV: ".csv"}.get(self, ".pdf")

    @property
    def default_status(self) -> str:
        # As on the command line: what is published goes out, a CSV is for working on.
        return "all" if self == ExportKind.CSV else "published"


STATUS_CHOICES = (
    ("published", "Published verdicts only"),
    ("approved", "Approved and published verdicts"),
    ("all", "Every claim group"),
)


@dataclass(frozen=True)
class ExportRequest:
    kind: ExportKind
    path: Path
    status: str
    open_after: bool
    group_id: int | None = None


class ExportDialog(QFileDialog):
    """A save-file dialog with what to include and "Open the file when done" below the list.

    Qt's own (not the platform's) dialog, because only that one can hold extra widgets.
    """

    def __init__(self, kind: ExportKind, suggested: Path, open_after: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, kind.title(), str(suggested), kind.file_filter())
        self.kind = kind
        self.setObjectName("exportDialog")
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setDefaultSuffix(kind.suffix.lstrip("."))
        self.selectFile(str(suggested))
        self.status = QComboBox()
        for value, label in STATUS_CHOICES:
            self.status.addItem(QCoreApplication.translate("Export", label), value)
        self.status.setCurrentIndex(max(self.status.findData(kind.default_status), 0))
        self.open_after = QCheckBox(self.tr("Open the file when done"))
        self.open_after.setChecked(open_after)
        grid = self.layout()
        if isinstance(grid, QGridLayout):
            row = grid.rowCount()
            if kind != ExportKind.CARD:
                grid.addWidget(QLabel(self.tr("Include:")), row, 0)
                grid.addWidget(self.status, row, 1)
                row += 1
            grid.addWidget(self.open_after, row, 1)

    def request(self, group_id: int | None = None) -> ExportRequest | None:
        files = self.selectedFiles()
        if not files:
            return None
        return ExportRequest(self.kind, Path(files[0]), self.status.currentData(),
                             self.open_after.isChecked(), group_id)


def write_export(db: Database, request: ExportRequest, publisher: Publisher,
                 ctx: TaskContext) -> tuple[ExportRequest, Any, int]:
    """Worker side: load the selection, write the file; (request, result, groups left out)."""
    from export.data import load_selection

    ctx.progress(0, 2, QCoreApplication.translate("Export", "reading the claim groups"))
    ids = [request.group_id] if request.group_id is not None else None
    selection = load_selection(db, "all" if request.kind == ExportKind.CARD else request.status, ids)
    ctx.check()
    ctx.progress(1, 2, QCoreApplication.translate("Export", "writing {name}").format(
        name=request.path.name))
    if request.kind == ExportKind.BRIEFING:
        from export.pdf_briefing import write_briefing

        result: Any = write_briefing(selection.groups, request.path, publisher=publisher,
                                     status=request.status)
    elif request.kind == ExportKind.CARD:
        from export.verdict_card import write_verdict_card

        if not selection.groups:
            raise OutputError(QCoreApplication.translate(
                "Export", "That claim group no longer exists."))
        result = write_verdict_card(selection.groups[0], request.path, publisher=publisher)
    elif request.kind == ExportKind.CLAIMREVIEW:
        from export.claimreview import write_claimreview

        result = write_claimreview(selection.groups, request.path, publisher=publisher)
    else:
        from export.csv_export import write_csv

        result = write_csv(selection.groups, request.path)
    ctx.progress(2, 2, request.path.name)
    return request, result, len(selection.skipped)


def open_local_file(path: Path) -> bool:
    """Open a file we wrote with the desktop's program for it (local files only)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class Exports(Controller):
    """Runs exports and ClaimReview imports for the window; says the outcome as sentences."""

    # The first export that names the publisher asks for the organisation (Preferences).
    organisationNeeded = Signal()

    def __init__(self, db: Database, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._parent = parent
        self.dialog: ExportDialog | None = None
        self.progress: TaskProgressDialog | None = None
        self.last_path: Path | None = None
        # Injectable: tests answer the file dialogs and never launch another program.
        self.ask_export: Callable[[ExportKind, Path, Callable[[ExportRequest], None]], None] = \
            self._ask_export
        self.ask_import_path: Callable[[], Path | None] = self._ask_import_path
        self.open_file: Callable[[Path], bool] = open_local_file

    def publisher(self) -> Publisher:
        """Who publishes: the organisation stored in the database (Preferences →
        Organisation), else the one in this computer's preferences."""
        from storage.reads import read_organisation
        from storage.settings import Organisation

        stored = read_organisation(self._db)  # one small select
        stored = Organisation(stored.name or self._settings.organisation or None,
                              stored.corrections, stored.base_url)
        return Publisher.resolve(None, self._settings.actor(), stored=stored)

    def missing_identity(self, kind: ExportKind, publisher: Publisher) -> str | None:
        """What must be set before this export can name its publisher (#17.6), or None."""
        if kind == ExportKind.CSV:
            return None
        if not publisher.organisation_set:
            return self.tr("Set your organisation first (Preferences → Organisation): the "
                           "briefing, the card and ClaimReview name it as the publisher, with "
                           "your corrections contact.")
        if kind == ExportKind.CLAIMREVIEW and publisher.placeholder_url:
            return self.tr("Set the address of your published checks first (Preferences → "
                           "Organisation): every ClaimReview needs the real page of its check.")
        return None

    def suggested_path(self, kind: ExportKind, title: str = "") -> Path:
        folder = self._settings.export_dir or Path.home()
        today = dt.date.today().isoformat()
        name = {
            ExportKind.BRIEFING: f"briefing-{today}",
            ExportKind.CARD: title or "verdict-card",
            ExportKind.CLAIMREVIEW: f"claimreview-{today}",
            ExportKind.CSV: f"claim-groups-{today}",
        }[kind]
        return folder / safe_filename(name, suffix=kind.suffix, max_length=60)

    def start(self, kind: ExportKind, group_id: int | None = None, title: str = "") -> None:
        def chosen(request: ExportRequest) -> None:
            if group_id is not None and request.group_id is None:
                request = ExportRequest(request.kind, request.path, request.status,
                                        request.open_after, group_id)
            self.run(request)

        self.ask_export(kind, self.suggested_path(kind, title), chosen)

    def _ask_export(self, kind: ExportKind, suggested: Path,
                    done: Callable[[ExportRequest], None]) -> None:
        dialog = ExportDialog(kind, suggested, self._settings.open_after_export, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def accepted() -> None:
            request = dialog.request()
            if request is not None:
                self._settings.open_after_export = request.open_after
                self._settings.export_dir = request.path.parent
                done(request)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def run(self, request: ExportRequest) -> None:
        db, publisher = self._db, self.publisher()
        missing = self.missing_identity(request.kind, publisher)
        if missing:
            self.error.emit(missing)
            self.organisationNeeded.emit()
            return
        self.progress = run_with_progress(
            request.kind.title(), lambda ctx: write_export(db, request, publisher, ctx),
            self._written, parent=self._parent, on_error=self._failed,
            name=f"export.{request.kind.value}", owner=self,
            modality=Qt.WindowModality.NonModal)

    def _written(self, outcome: tuple[ExportRequest, Any, int]) -> None:
        request, result, skipped = outcome
        tr = self.tr
        if request.kind == ExportKind.BRIEFING:
            text = tr("Briefing written: {path} ({groups} claim group(s), {pages} page(s)).").format(
                path=result.path, groups=result.groups, pages=result.pages)
        elif request.kind == ExportKind.CARD:
            text = tr("Verdict card written: {path}.").format(path=result.path)
        elif request.kind == ExportKind.CLAIMREVIEW:
            text = tr("ClaimReview written: {path} ({n} verdict(s)).").format(
                path=result.path, n=result.items)
            if result.unrated:
                text += " " + tr("{n} unrated claim group(s) left out.").format(n=len(result.unrated))
        else:
            text = tr("CSV written: {path} ({rows} row(s), {groups} claim group(s)).").format(
                path=result.path, rows=result.rows, groups=result.groups)
        if skipped:
            text += " " + tr("{n} claim group(s) left out because of their verdict status.").format(
                n=skipped)
        self.last_path = result.path
        self.message.emit(text)
        if request.open_after:
            self.open_file(result.path)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.message.emit(self.tr("Export cancelled; nothing was written."))
        elif isinstance(exc, OutputError | ClaimReviewError | StorageError):
            self.error.emit(self.tr("The export failed: {why}").format(why=exc))
        else:
            raise exc

    # -- import -----------------------------------------------------------------------------
    def _ask_import_path(self) -> Path | None:
        start = str(self._settings.last_import_dir or Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import ClaimReview"), start,
            self.tr("ClaimReview JSON-LD (*.json *.jsonld);;All files (*)"))
        return Path(name) if name else None

    def import_claimreview(self) -> None:
        path = self.ask_import_path()
        if path is None:
            return
        self._settings.last_import_dir = path.parent
        db, actor = self._db, self._settings.actor()
        self.progress = run_with_progress(
            self.tr("Importing ClaimReview"), lambda _ctx: import_claimreview(db, path, actor=actor),
            self._imported, parent=self._parent, on_error=self._import_failed,
            name="import.claimreview", owner=self, modality=Qt.WindowModality.NonModal)

    def _imported(self, report: ImportReport) -> None:
        lines = [self.tr("ClaimReview imported: {groups} claim group(s) created, {verdicts} "
                         "verdict(s), {added} appearance(s) added, {same} already present.").format(
            groups=report.groups_created, verdicts=report.verdicts_created,
            added=report.appearances_added, same=report.unchanged)]
        lines += report.conflicts + report.skipped
        self.message.emit("\n".join(lines))
        self.changes.emit(GROUPS)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ClaimReviewError | StorageError):
            self.error.emit(self.tr("The import failed: {why}").format(why=exc))
        else:
            raise exc
