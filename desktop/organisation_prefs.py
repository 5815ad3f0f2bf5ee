"""Preferences → Organisation: who publishes, where corrections go, the published-checks
address and two-person review, stored in the open database (storage.settings) so every window
and command on it prints the same."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from storage import settings as desk
from storage.actions import save_desk_settings
from storage.database import Database
from storage.reads import organisation_form


class OrganisationBox(QGroupBox):
    """The fields, loaded from the database; :meth:`save` writes what changed (one audit
    entry per setting) and returns a sentence when a value is refused."""

    def __init__(self, db: Database, fallback_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Organisation (stored in this database)"))
        self.setObjectName("prefOrganisationBox")
        self._db = db
        stored, two_person, self._team = organisation_form(db)
        self.organisation = QLineEdit(stored.get(desk.ORGANISATION) or fallback_name)
        self.organisation.setObjectName("prefOrganisation")
        self.organisation.setPlaceholderText(self.tr("Shown on reports, cards and in ClaimReview"))
        self.corrections = QLineEdit(stored.get(desk.CORRECTIONS, ""))
        self.corrections.setObjectName("prefCorrections")
        self.corrections.setPlaceholderText(self.tr("e.g. corrections@your-desk.org"))
        self.base_url = QLineEdit(stored.get(desk.BASE_URL, ""))
        self.base_url.setObjectName("prefBaseUrl")
        self.base_url.setPlaceholderText("https://checks.your-desk.org")
        self.two_person = QCheckBox(self.tr("Approval needs a reviewer other than the author"))
        self.two_person.setObjectName("prefTwoPerson")
        self.two_person.setChecked(two_person)
        note = QLabel(self.tr(
            "Two-person review is on by default on a team server and off on a laptop, where "
            "there may be no second person.") if not self._team else self.tr(
            "Two-person review is on by default on a team server."))
        note.setWordWrap(True)
        note.setObjectName("prefTwoPersonNote")
        form = QFormLayout(self)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&Corrections contact:"), self.corrections)
        form.addRow(self.tr("Published checks &address:"), self.base_url)
        form.addRow("", self.two_person)
        form.addRow("", note)

    def save(self, actor: str) -> str | None:
        values = {desk.ORGANISATION: self.organisation.text(),
                  desk.CORRECTIONS: self.corrections.text(),
                  desk.BASE_URL: self.base_url.text(),
                  desk.TWO_PERSON_REVIEW: "on" if self.two_person.isChecked() else "off"}
        try:
            save_desk_settings(self._db, values, team=self._team, actor=actor)
        except desk.SettingError as exc:
            return str(exc)
        return None
