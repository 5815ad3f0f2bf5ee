"""Help → About Claimdesk: version, licence and the shipped third-party licences."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from cli.version import __version__


def test_about_shows_version_and_every_licence(window, qtbot):
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == f"Claimdesk {__version__}"
    assert str(window.db.path) in dialog.details.text()
    # Claimdesk's own licence is shown first.
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    names = [dialog.components.item(i).text() for i in range(dialog.components.count())]
    assert any(n.startswith("Qt 6") and "LGPL-3.0" in n for n in names)
    assert any(n.startswith("ReportLab") and "BSD" in n for n in names)

    assert dialog.select("Qt 6")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    assert dialog.select("DejaVu")
    assert "Bitstream" in dialog.licence_text.toPlainText()
    assert dialog.select("ReportLab")
    assert "ReportLab Inc" in dialog.licence_text.toPlainText()
    assert not dialog.select("No such component")

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
