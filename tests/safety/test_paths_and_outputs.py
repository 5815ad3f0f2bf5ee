"""Paths, outputs and names from the user or from files (issue #20, points 6–8, 11, 13)."""

from __future__ import annotations

import pytest

from cli.main import main as cli


@pytest.mark.parametrize("name", ["mine%41.sqlite", "team?mode=memory.sqlite", "a#b.sqlite"])
def test_a_database_path_opens_exactly_the_named_file(tmp_path, name, capsys):
    path = tmp_path / name
    note = tmp_path / "note.txt"
    note.write_text("Unemployment in the province fell to 7.5 percent last year, the statistics "
                    "bureau reported.", encoding="utf-8")
    assert cli(["import", "--db", str(path), str(note)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".txt"
                  and not p.name.endswith(("-wal", "-shm"))) == [name]
    assert path.stat().st_size > 0
    assert cli(["check", "--db", str(path)]) == 0
