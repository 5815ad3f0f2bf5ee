"""File names print with control and bidi characters escaped (issue #20, point 8)."""

from __future__ import annotations

from cli.main import main as cli
from storage.printable import printable

NOTE = "Unemployment in the province fell to 7.5 percent last year, the statistics bureau said."


def test_printable_escapes_controls_and_bidi_but_keeps_every_script():
    assert printable("a\nb\tc\x1b[31m") == "a\\x0ab\\x09c\\x1b[31m"
    assert printable("invoice\u202efdp.txt") == "invoice\\u202efdp.txt"
    assert printable("звіт 2025 — ok.txt") == "звіт 2025 — ok.txt"


def test_import_lines_cannot_be_forged_by_a_file_name(tmp_path, capsys):
    forged = tmp_path / "x.txt\nimported  secrets.txt: 99 claims\n.txt"
    forged.write_text(NOTE, encoding="utf-8")
    disguised = tmp_path / "report\u202etxt.exe.txt"
    disguised.write_text(NOTE + " Again, in other words.", encoding="utf-8")
    cli(["import", "--db", str(tmp_path / "db.sqlite"), str(forged), str(disguised)])
    out = capsys.readouterr().out
    assert "\nimported  secrets.txt" not in out
    assert "\\x0aimported  secrets.txt" in out
    assert "\u202e" not in out and "\\u202e" in out


def test_the_window_import_report_escapes_names(qtbot, tmp_path):
    from desktop.import_dialogs import ImportResultsDialog
    from ingest.pipeline import FileResult, Outcome

    result = FileResult(source=str(tmp_path / "a\nimported b\u202e.txt"),
                        outcome=Outcome.IMPORTED, message="1 proposed claim")
    dialog = ImportResultsDialog([result])
    qtbot.addWidget(dialog)
    item = dialog.list.topLevelItem(0)
    assert item.text(1) == "a\\x0aimported b\\u202e.txt"
    assert "\n" not in item.toolTip(1) and "\u202e" not in item.toolTip(1)
