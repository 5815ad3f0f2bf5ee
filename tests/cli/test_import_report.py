"""#17.13: a folder import gives every file in it a line, the ones Claimdesk cannot read too."""

from __future__ import annotations

from cli.main import main

ARTICLE = ("Title: Drones over the coast\nOutlet: Sample: Coast Desk\nDate: 2025-03-02\n---\n"
           "The air force said 41 drones were shot down overnight over the southern coast.\n")


def test_every_file_of_a_folder_gets_a_line(tmp_path, capsys):
    folder = tmp_path / "chosen"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.docx").write_bytes(b"left alone: hidden")
    db = tmp_path / "desk.sqlite"

    assert main(["import", "--db", str(db), str(folder)]) == 1  # something was left out
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].startswith("imported") and "a.txt" in lines[0]
    assert lines[1].startswith("rejected") and str(folder / "notes.docx") in lines[1]
    assert "unsupported file type '.docx'" in lines[1]
    assert lines[2].startswith("rejected") and str(folder / "sub" / "photo.png") in lines[2]
    assert lines[3].startswith("3 files: 1 imported") and lines[3].endswith("2 rejected")
    assert len(lines) == 4
