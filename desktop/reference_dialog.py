"""The "Add reference figure…" dialog: an authoritative value of a measure, its as-of date and source."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.appearance import colour
from desktop.controllers.measures import ReferenceInput


def _date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class ReferenceDialog(QDialog):
    """Collects a reference figure; ``submitted`` carries it, the dialog closes once it is stored
    (``accept``) or says why not (``show_error``) and stays open."""

    submitted = Signal(object)  # ReferenceInput

    def __init__(self, measure_name: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add reference figure"))
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("An authoritative value of “{name}”. Every claim of the measure "
                                 "is then compared with the reference valid at its date.")
                         .format(name=measure_name))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)

        date_measure = unit == "date"
        self.value = QLineEdit()
        self.value.setObjectName("referenceValue")
        self.value.setPlaceholderText(self.tr("2015-02-12") if date_measure else self.tr("e.g. 19.1"))
        self.low = QLineEdit()
        self.low.setPlaceholderText(self.tr("optional: lower end"))
        self.high = QLineEdit()
        self.high.setPlaceholderText(self.tr("optional: upper end"))
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setObjectName("referenceAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.source_title = QLineEdit()
        self.source_title.setObjectName("referenceSource")
        self.source_title.setPlaceholderText(self.tr("e.g. ISW assessment map"))
        self.publisher = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.quote = QPlainTextEdit()
        self.quote.setFixedHeight(64)
        self.captured = QCheckBox(self.tr("Captured on"))
        self.captured_on = QDateEdit(QDate.currentDate())
        self.captured_on.setCalendarPopup(True)
        self.captured_on.setDisplayFormat("yyyy-MM-dd")
        self.captured_on.setEnabled(False)
        self.captured.toggled.connect(self.captured_on.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("Value:"), self.value)
        if not date_measure:
            form.addRow(self.tr("Interval from:"), self.low)
            form.addRow(self.tr("to:"), self.high)
        form.addRow(self.tr("As of:"), self.as_of)
        form.addRow(self.tr("Source title:"), self.source_title)
        form.addRow(self.tr("Publisher:"), self.publisher)
        form.addRow(self.tr("URL:"), self.url)
        form.addRow(self.tr("Quote:"), self.quote)
        form.addRow(self.captured, self.captured_on)

        self.error = QLabel()
        self.error.setObjectName("referenceError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def given(self) -> ReferenceInput:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return ReferenceInput(
            as_of=_date(self.as_of), source_title=self.source_title.text().strip(),
            value=text(self.value), low=text(self.low), high=text(self.high),
            url=text(self.url), publisher=text(self.publisher),
            quote=self.quote.toPlainText().strip() or None,
            captured_on=_date(self.captured_on) if self.captured.isChecked() else None)

    def submit(self) -> None:
        given = self.given()
        if not given.source_title:
            self.show_error(self.tr("Name the source (its title), so the figure can be cited."))
            return
        if not (given.value or (given.low and given.high)):
            self.show_error(self.tr("Give the value, or both ends of its interval."))
            return
        self.error.hide()
        self.buttons.setEnabled(False)  # until the write answers
        self.submitted.emit(given)

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        # Red readable on the palette shown now (the dialog is short-lived: no later switch).
        self.error.setStyleSheet(f"color: {colour('#C0392B', '#FF6B6B').name()};")
        self.error.show()
