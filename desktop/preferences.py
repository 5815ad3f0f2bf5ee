"""The Preferences dialog: reviewer, organisation, export folder, matching, backups, look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.learn_prefs import LearnBox
from desktop.organisation_prefs import OrganisationBox
from desktop.settings import MATCH_BAR_RANGE, Settings
from desktop.window_messages import plain
from matching.pairs import DEFAULT_THRESHOLDS
from storage.database import Database


class PreferencesDialog(QDialog):
    """Edits the settings in place when accepted; opened with ``open()``, never blocking."""

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 db: Database | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # With a database open, the organisation is the desk's (stored in it, #17.6).
        self.organisation_box = OrganisationBox(db, settings.organisation) if db else None
        # Matching learned from this database's decisions (#15): the database's, like the above.
        self.learn_box = LearnBox(db, settings.actor()) if db else None
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(600)
        self.reviewer = QLineEdit(settings.reviewer_name)
        self.reviewer.setObjectName("prefReviewer")
        self.reviewer.setPlaceholderText(settings.actor())
        self.reviewer.setToolTip(self.tr("The name the audit log and your verdicts record"))
        if self.organisation_box is not None:
            self.organisation = self.organisation_box.organisation
        else:
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

        self.matching_bar = QDoubleSpinBox()
        self.matching_bar.setObjectName("prefMatchingBar")
        self.matching_bar.setRange(*MATCH_BAR_RANGE)
        self.matching_bar.setSingleStep(0.02)
        self.matching_bar.setDecimals(2)
        self.matching_bar.setValue(settings.matching_bar)
        self.matching_bar.setToolTip(self.tr(
            "How alike two claims' words must be (0–1) to be put in one claim group when no "
            "figure agrees. Higher: fewer, surer matches. Default {default:.2f}. Applies to the "
            "next matching run; your own decisions are never changed.").format(
                default=DEFAULT_THRESHOLDS.same_text))
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("prefBackupKeep")
        self.backup_keep.setRange(1, 200)
        self.backup_keep.setValue(settings.backup_keep)
        self.backup_keep.setToolTip(self.tr(
            "Automatic backups are made daily on opening, before upgrades and before "
            "re-matching; older ones beyond this number are deleted."))
        self.appearance = QComboBox()
        self.appearance.setObjectName("prefAppearance")
        for value, label in (("system", self.tr("Follow the system")),
                             ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.appearance.addItem(label, value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))

        form = QFormLayout()
        form.addRow(self.tr("&Reviewer name:"), self.reviewer)
        if self.organisation_box is None:
            form.addRow(self.tr("&Organisation:"), self.organisation)
        folder_label = QLabel(self.tr("Default &export folder:"))
        folder_label.setBuddy(self.export_dir)  # the row is a layout: name the field itself
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("&Matching threshold:"), self.matching_bar)
        form.addRow(self.tr("&Backups to keep:"), self.backup_keep)
        form.addRow(self.tr("&Appearance:"), self.appearance)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = plain(QLabel())
        self.error.setObjectName("prefError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.organisation_box is not None:
            layout.addWidget(self.organisation_box)
        if self.learn_box is not None:
            layout.addWidget(self.learn_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Default export folder"), self.export_dir.text() or str(Path.home()))
        if folder:
            self.export_dir.setText(folder)

    def accept(self) -> None:
        if self.organisation_box is not None:
            problem = self.organisation_box.save(self._settings.actor())
            if problem:
                self.error.setText(problem)
                self.error.show()
                return
        self._settings.reviewer_name = self.reviewer.text()
        self._settings.organisation = self.organisation.text()
        folder = self.export_dir.text().strip()
        self._settings.export_dir = Path(folder).expanduser() if folder else None
        self._settings.matching_bar = self.matching_bar.value()
        self._settings.backup_keep = self.backup_keep.value()
        self._settings.appearance = str(self.appearance.currentData())
        self._settings.sync()
        super().accept()
