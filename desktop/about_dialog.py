"""Help → About Claimdesk: the version, Claimdesk's licence and the licences of what it ships."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from appinfo import __version__
from desktop.app_icon import app_icon
from desktop.window_messages import plain
from resources import resource_path


@dataclass(frozen=True)
class Licence:
    component: str
    licence: str
    path: Path

    def text(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:  # a damaged installation: say so in the dialog itself
            return f"{self.path}: {exc.strerror or exc}"


def shipped_licences() -> list[Licence]:
    """Claimdesk's licence first, then every component in resources/licenses/index.tsv, then
    (in a Linux bundle) the system libraries it carries, from licenses/system/index.tsv."""
    rows = []
    system = resource_path("licenses", "system", "index.tsv")  # only in a bundle
    for index in (resource_path("licenses", "index.tsv"), *([system] if system.is_file() else [])):
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                component, licence, relative = line.split("\t")
                rows.append(Licence(component, licence, resource_path(*relative.split("/"))))
    return rows


class AboutDialog(QDialog):
    """Version and licences; each licence's full text is shown on selection."""

    def __init__(self, database: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Claimdesk"))
        self.resize(920, 600)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        heading = QLabel(self.tr("Claimdesk {version}").format(version=__version__))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.heading = heading
        summary = QLabel(self.tr(
            "Find the claims outlets repeat, match them across outlets and judge them, "
            "offline.\n\nClaimdesk is free software under the GNU General Public License, "
            "version 3 or later (GPL-3.0-or-later); it comes with no warranty."))
        summary.setWordWrap(True)
        details = [self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version())]
        if database is not None:
            details.append(self.tr("Database: {path}").format(path=database))
        self.details = plain(QLabel("\n".join(details)))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text_column = QVBoxLayout()
        text_column.addWidget(heading)
        text_column.addWidget(summary)
        text_column.addWidget(self.details)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)

        self.components = QListWidget()
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        # Licence texts come with their own line breaks; rewrapping them breaks every line.
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences = shipped_licences()
        for licence in self.licences:
            item = QListWidgetItem(f"{licence.component} — {licence.licence}")
            item.setData(Qt.ItemDataRole.UserRole, licence)
            self.components.addItem(item)
        self.components.currentItemChanged.connect(self._show_licence)
        split = QSplitter()
        split.addWidget(self.components)
        split.addWidget(self.licence_text)
        split.setStretchFactor(1, 2)
        split.setSizes([320, 580])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Licences of Claimdesk and of the software it includes:")))
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.components.setCurrentRow(0)

    def _show_licence(self, item: QListWidgetItem | None) -> None:
        licence = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.licence_text.setPlainText(licence.text() if licence is not None else "")

    def select(self, component_prefix: str) -> bool:
        """Show the licence of the first component whose name starts with ``component_prefix``."""
        for row, licence in enumerate(self.licences):
            if licence.component.startswith(component_prefix):
                self.components.setCurrentRow(row)
                return True
        return False
