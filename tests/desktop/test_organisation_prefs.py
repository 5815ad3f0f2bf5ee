"""#17.6 in the window: Preferences → Organisation stores the desk's settings in the database,
where the command line (and so every output) reads them; a bad address is a sentence."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from desktop.preferences import PreferencesDialog  # noqa: E402
from storage import settings as desk  # noqa: E402
from storage.schema import open_database  # noqa: E402


@pytest.fixture
def desk_db(tmp_path):
    db = open_database(tmp_path / "desk.sqlite")
    yield db
    db.dispose()


def test_organisation_is_stored_in_the_database(qtbot, settings, desk_db):
    dialog = PreferencesDialog(settings, db=desk_db)
    qtbot.addWidget(dialog)
    box = dialog.organisation_box
    assert box is not None and not box.two_person.isChecked()  # a laptop's default
    box.organisation.setText("Kyiv Fact Desk")
    box.corrections.setText("corrections@kyivdesk.example")
    box.base_url.setText("https://checks.kyivdesk.example/")
    box.two_person.setChecked(True)
    dialog.accept()
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    with desk_db.read() as s:
        org = desk.organisation(s)
        assert (org.name, org.corrections, org.base_url) == (
            "Kyiv Fact Desk", "corrections@kyivdesk.example", "https://checks.kyivdesk.example")
        assert desk.two_person_review(s)
    again = PreferencesDialog(settings, db=desk_db)
    qtbot.addWidget(again)
    assert again.organisation_box.organisation.text() == "Kyiv Fact Desk"
    assert again.organisation_box.two_person.isChecked()


def test_a_bad_address_keeps_the_dialog_open_with_a_sentence(qtbot, settings, desk_db):
    dialog = PreferencesDialog(settings, db=desk_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.organisation_box.base_url.setText("checks.example")
    dialog.accept()
    assert dialog.isVisible() and "must start with https://" in dialog.error.text()
    with desk_db.read() as s:
        assert desk.organisation(s).base_url is None
