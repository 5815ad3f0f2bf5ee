"""Help → About Claimdesk: version, licence and the shipped third-party licences."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from appinfo import __version__


def test_about_shows_version_and_every_licence(drive, db, qtbot):
    dialog = drive.about_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == f"Claimdesk {__version__}"
    assert str(db.path) in dialog.details.text()
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


def test_a_bundle_lists_its_system_libraries_too(monkeypatch, tmp_path):
    """A Linux bundle adds licenses/system/index.tsv (packaging/claimdesk.spec writes it)."""
    import shutil
    import sys

    from desktop.about_dialog import shipped_licences
    from resources import resource_path

    bundle = tmp_path / "resources"
    shutil.copytree(resource_path("licenses"), bundle / "licenses")
    shutil.copytree(resource_path("fonts"), bundle / "fonts")
    system = bundle / "licenses" / "system"
    system.mkdir()
    (system / "libxcb-cursor0.txt").write_text("Copyright: the XCB developers\nLicense: MIT\n")
    (system / "index.tsv").write_text("libxcb-cursor.so.0 (Debian package libxcb-cursor0)\t"
                                      "Debian copyright file\tlicenses/system/libxcb-cursor0.txt\n")
    plain = shipped_licences()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    bundled = shipped_licences()
    assert [lic.component for lic in bundled[:len(plain)]] == [lic.component for lic in plain]
    assert bundled[-1].component == "libxcb-cursor.so.0 (Debian package libxcb-cursor0)"
    assert "XCB developers" in bundled[-1].text()
