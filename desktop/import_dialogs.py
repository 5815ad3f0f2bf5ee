"""The dialogs around importing: paste an article by hand, and the per-file import report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.appearance import colour
from desktop.window_messages import plain
from ingest import ParsedDocument, RejectedFile, document_from_text
from ingest.dates import parse_date
from ingest.pipeline import FileResult, Outcome
from storage.printable import printable


def outcome_label(outcome: Outcome) -> str:
    tr = QCoreApplication.translate
    return {
        Outcome.IMPORTED: tr("ImportResults", "Imported"),
        Outcome.DUPLICATE: tr("ImportResults", "Duplicate"),
        Outcome.REJECTED: tr("ImportResults", "Rejected"),
        Outcome.SKIPPED: tr("ImportResults", "Skipped"),
    }[outcome]


def import_summary(results: Sequence[FileResult], *, cancelled: bool = False) -> str:
    """One sentence on what an import did, for the report and the status bar."""
    tr = QCoreApplication.translate
    tally = Counter(r.outcome for r in results)
    claims = sum(r.claims for r in results)
    text = tr(
        "ImportResults",
        "{files} file(s): {imported} imported ({claims} proposed claims), "
        "{duplicate} duplicate, {rejected} rejected.",
    ).format(
        files=len(results),
        imported=tally[Outcome.IMPORTED],
        claims=claims,
        duplicate=tally[Outcome.DUPLICATE],
        rejected=tally[Outcome.REJECTED],
    )
    if tally[Outcome.SKIPPED]:
        text += " " + tr("ImportResults", "{skipped} skipped (a folder's README).").format(
            skipped=tally[Outcome.SKIPPED])
    if cancelled:
        text += " " + tr("ImportResults", "Cancelled: the remaining files were not imported.")
    if not results and not cancelled:
        text = tr("ImportResults", "No importable files found (.txt, .md, .html, .pdf).")
    return text


class ImportResultsDialog(QDialog):
    """What happened to each file. Not modal: the reviewer can keep it open while working."""

    def __init__(
        self, results: Sequence[FileResult], *, cancelled: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.setModal(False)
        self.resize(820, 420)
        self.results = list(results)

        self.summary = plain(QLabel(import_summary(self.results, cancelled=cancelled)))
        self.summary.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels([self.tr("Result"), self.tr("File"), self.tr("Details")])
        colours = {Outcome.IMPORTED: colour(QColor(0x1B, 0x7F, 0x3B), QColor(0x7B, 0xD8, 0x8F)),
                   Outcome.REJECTED: colour(QColor(0xB0, 0x1E, 0x1E), QColor(0xFF, 0x7B, 0x7B))}
        for result in self.results:
            name = printable(Path(result.source).name if result.source else result.source)
            message = printable(result.message)
            item = QTreeWidgetItem([outcome_label(result.outcome), name, message])
            item.setToolTip(1, printable(result.source))
            item.setToolTip(2, message)
            if result.outcome in colours:
                item.setForeground(0, colours[result.outcome])
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)


def read_date_field(text: str) -> dt.date | None:
    """The date typed into a field (2025-06-01, 1 June 2025, …); None if empty.

    Raises ValueError for text that is not a date, so the dialog can say so instead of
    storing the article without one.
    """
    if not text.strip():
        return None
    date = parse_date(text)
    if date is None:
        raise ValueError(text)
    return date


class PasteArticleDialog(QDialog):
    """Type or paste an article's text and what is known about it.

    On OK the fields are checked here (the dialog stays open with a sentence saying what is
    wrong); ``document`` then holds the parsed article for the caller to store off the GUI
    thread.
    """

    def __init__(self, outlets: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste article"))
        self.resize(720, 620)
        self.document: ParsedDocument | None = None

        self.outlet = QComboBox()
        self.outlet.setEditable(True)
        self.outlet.addItems(list(outlets))
        self.outlet.setCurrentIndex(-1)
        self.outlet.lineEdit().setPlaceholderText(self.tr("e.g. Kyiv Independent"))
        self.title = QLineEdit()
        self.author = QLineEdit()
        self.published = QLineEdit()
        self.published.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the article text here."))
        self.error = plain(QLabel())
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {colour('#b01e1e', '#ff7b7b').name()}")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Outlet:"), self.outlet)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("A&uthor:"), self.author)
        form.addRow(self.tr("&Date:"), self.published)
        form.addRow(self.tr("&URL:"), self.url)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Store article"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.text.toPlainText().strip()))
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        text_label = QLabel(self.tr("Te&xt:"))
        text_label.setBuddy(self.text)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        try:
            published = read_date_field(self.published.text())
        except ValueError:
            self._fail(self.tr("The date could not be read; write it like 2025-06-01."))
            self.published.setFocus()
            return
        url = self.url.text().strip()
        try:
            self.document = document_from_text(
                self.text.toPlainText(),
                title=self.title.text().strip() or None,
                outlet=self.outlet.currentText().strip() or None,
                author=self.author.text().strip() or None,
                url=url or None,
                published=published,
            )
        except RejectedFile as exc:
            self._fail(str(exc))
            return
        super().accept()
