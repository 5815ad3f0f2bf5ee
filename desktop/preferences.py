"""The Preferences dialog: reviewer name, organisation and default export folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings


class PreferencesDialog(QDialog):
    """Edits the settings in place when accepted; opened with ``open()``, never blocking."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        self.reviewer = QLineEdit(settings.reviewer_name)
        self.reviewer.setObjectName("prefReviewer")
        self.reviewer.setPlaceholderText(settings.actor())
        self.reviewer.setToolTip(self.tr("The name the audit log and your verdicts record"))
        self.organisation = QLineEdit(settings.organisation)
        self.organisation.setObjectName("prefOrganisation")
        self.organisation.setPlaceholderText(self.tr("Shown on reports and in ClaimReview"))
        self.export_dir = QLineEdit(str(settings.export_dir or ""))
        self.export_dir.setObjectName("prefExportDir")
        self.export_dir.setPlaceholderText(str(Path.home()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_dir, 1)
        folder_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("&Reviewer name:"), self.reviewer)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("Default &export folder:"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Default export folder"), self.export_dir.text() or str(Path.home()))
        if folder:
            self.export_dir.setText(folder)

    def accept(self) -> None:
        self._settings.reviewer_name = self.reviewer.text()
        self._settings.organisation = self.organisation.text()
        folder = self.export_dir.text().strip()
        self._settings.export_dir = Path(folder).expanduser() if folder else None
        self._settings.sync()
        super().accept()
