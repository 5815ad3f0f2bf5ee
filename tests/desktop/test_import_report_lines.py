"""#17.13: every chosen file gets a line in the import report, a Word document in a chosen
folder included (it used to vanish: "2 files … 2 rejected" for three chosen)."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import Outcome

TEXT = ("Russia controls about 18 percent of Ukraine's territory, the Institute for the Study "
        "of War said on Tuesday. Before February 2022 the occupied share was about 7 percent.")


def test_documents_in_a_folder_and_chosen_files_each_get_a_line(drive, qtbot, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.docx").write_bytes(b"PK\x03\x04 a word document")
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not an article: listed, rejected too
    chosen = tmp_path / "c.docx"
    chosen.write_bytes(b"PK\x03\x04 another one")
    drive.import_paths([folder, chosen])
    dialog = drive.import_results()
    lines = sorted((Path(r.source).name, r.outcome) for r in dialog.results)
    assert lines == [("a.txt", Outcome.IMPORTED), ("b.docx", Outcome.REJECTED),
                     ("c.docx", Outcome.REJECTED), ("photo.png", Outcome.REJECTED)]
    assert dialog.list.topLevelItemCount() == 4
    assert "4 file(s)" in dialog.summary.text() and "3 rejected" in dialog.summary.text()
    docx = next(r for r in dialog.results if r.source.endswith("b.docx"))
    assert "unsupported file type '.docx'" in docx.message
