"""The ``claimdesk`` command as a user runs it: import, extract, search, info, default database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from cli.main import main
from storage.models import Article, Claim, Outlet
from storage.schema import open_database


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_corpus_once_then_nothing_twice(capsys, corpus_dir, db_path):
    code, out, _ = _run(capsys, "import", str(corpus_dir), "--db", str(db_path))
    assert code == 0, out
    files = sorted(corpus_dir.glob("*.txt"))
    def starting(word: str, text: str) -> int:
        return sum(1 for line in text.splitlines() if line.startswith(word + " "))

    assert starting("imported", out) == len(files) == 4
    assert f"{len(files)} files: {len(files)} imported" in out

    code, out, _ = _run(capsys, "--db", str(db_path), "import", str(corpus_dir))
    assert code == 0
    assert starting("duplicate", out) == 4
    assert "0 imported" in out

    db = open_database(db_path)
    try:
        with db.read() as session:
            articles = session.execute(select(Article)).scalars().all()
            assert len(articles) == 4
            assert all(a.title for a in articles)
            assert sum(1 for a in articles if a.published) >= 2
            claims = session.execute(select(Claim)).scalars().all()
            assert len(claims) >= 20  # the corpus is full of figures
            by_article = {a.id: a.text for a in articles}
            for c in claims:
                assert by_article[c.article_id][c.start : c.end] == c.sentence
                assert c.status == "proposed"
    finally:
        db.dispose()


def test_bad_files_are_reported_and_the_rest_still_imports(capsys, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Title: A good one\nOutlet: Sample: Test Ledger\nDate: 2025-03-14\n---\n"
        "Russian forces gained 110 square miles in Ukraine over the past month.\n"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<")
    _run(capsys, "import", str(folder / "good.txt"), "--db", str(db_path))  # existing data

    before = db_path.read_bytes()
    code, out, _ = _run(capsys, "import", str(folder), "--db", str(db_path))
    assert code == 1  # some files were rejected
    lines = {line.split()[1].rstrip(":"): line for line in out.splitlines() if line.startswith(
        ("imported", "duplicate", "rejected"))}
    assert lines[str(folder / "good.txt")].startswith("duplicate")
    for bad in ("empty.txt", "binary.txt", "broken.pdf"):
        assert lines[str(folder / bad)].startswith("rejected"), lines
    assert "3 rejected" in out
    del before  # the database file itself may be checkpointed; compare its content instead
    db = open_database(db_path)
    try:
        with db.read() as session:
            assert [a.title for a in session.execute(select(Article)).scalars()] == ["A good one"]
            assert [o.name for o in session.execute(select(Outlet)).scalars()] == [
                "Sample: Test Ledger"
            ]
    finally:
        db.dispose()


def test_outlet_option_fills_in_where_the_file_is_silent(capsys, tmp_path, db_path):
    f = tmp_path / "plain.txt"
    f.write_text("Russia holds about a fifth of Ukraine's territory, officials in Kyiv said.\n")
    code, _, _ = _run(capsys, "import", str(f), "--db", str(db_path), "--outlet", "Kyiv Ledger")
    assert code == 0
    db = open_database(db_path)
    try:
        with db.read() as session:
            assert [o.name for o in session.execute(select(Outlet)).scalars()] == ["Kyiv Ledger"]
    finally:
        db.dispose()


def test_extract_json_contract(capsys, corpus_dir):
    path = corpus_dir / "001_3d0368f48e5fa300.txt"
    code, out, _ = _run(capsys, "extract", str(path), "--json")
    assert code == 0
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    for row in rows:
        assert {"sentence", "start", "end", "category", "score", "figures", "claimant"} <= set(row)
        assert text[row["start"] : row["end"]] == row["sentence"]
        for fig in row["figures"]:
            assert {"text", "value", "unit", "kind"} <= set(fig)
    assert any(
        f["unit"] in ("mi2", "square_mile", "sq_mi") or f["kind"] == "area"
        for row in rows for f in row["figures"]
    )


def test_search_and_info(capsys, corpus_dir, db_path):
    _run(capsys, "import", str(corpus_dir), "--db", str(db_path))
    code, out, _ = _run(capsys, "search", "Minsk", "--db", str(db_path))
    assert code == 0 and "Minsk" in out
    code, out, _ = _run(capsys, "info", "--db", str(db_path))
    assert code == 0 and "articles: 4" in out.replace("  ", " ")


def test_refuses_a_file_that_is_not_a_database(capsys, tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("hello\n" * 100)
    code, _, err = _run(capsys, "info", "--db", str(bogus))
    assert code == 2
    assert "not a Claimdesk database" in err
    assert "Traceback" not in err


def test_default_database_is_created_with_sample_data(capsys, _isolated_data_dir):
    # A command that writes creates it (one that only reads never does: tests/cli/test_guards).
    code, _, _ = _run(capsys, "match")
    assert code == 0
    code, out, _ = _run(capsys, "info")
    assert code == 0
    assert str(_isolated_data_dir) in out
    numbers = dict(
        line.split(":", 1) for line in out.splitlines() if ":" in line
    )
    assert int(numbers["articles"]) >= 8
    assert int(numbers["outlets"]) >= 5
    assert int(numbers["claims"]) >= 30
    # Opening again does not import the samples a second time.
    code, out2, _ = _run(capsys, "info")
    assert out2 == out


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_console_script_runs(args):
    exe = Path(sys.executable).with_name("claimdesk")
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "claimdesk" in result.stdout
