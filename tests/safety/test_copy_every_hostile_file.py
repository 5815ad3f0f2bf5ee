"""Issue #20's "done when", over every hostile file tests/safety/hostile_databases.py builds:
``claimdesk copy --from`` leaves the source byte-identical (sha256), and the destination (a
database with work of its own) is either unchanged or holds only rows an import would store."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from cli.main import main as cli
from ingest.document import content_hash
from storage import copy_rules
from tests.safety import hostile_databases as hostile

GENUINE = ("The harbour authority said 120 ships docked in May, up from 90 ships a year "
           "earlier, according to its monthly report.")
MINE = ("The council said 40 schools reopened in March after the repairs, the education "
        "office said on Monday.")
TABLES = ("article", "claim", "claim_group", "claim_group_member", "verdict", "evidence",
          "group_conflict", "setting", "fact_check")


def _build(name: str, folder: Path) -> Path:
    if name == "forged_hash":
        folder.mkdir(parents=True, exist_ok=True)
        return hostile.forged_hash(folder / "forged_hash.sqlite", GENUINE)
    return hostile.build(name, folder)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr)
                for t in TABLES}
    finally:
        conn.close()


def _only_validated_rows(path: Path) -> None:
    """Every article and claim of ``path`` passes the rules an import follows."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        lengths = {}
        for row in conn.execute("SELECT * FROM article"):
            assert row["content_hash"] == content_hash(row["text"]), dict(row)
            lengths[row["id"]] = len(row["text"])
        for row in conn.execute("SELECT * FROM claim"):
            copy_rules.claim(dict(row), lengths[row["article_id"]])  # raises BadRow
            assert isinstance(row["score"], float)
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted([*hostile.BUILDERS, "forged_hash"]))
def test_copy_from_each_hostile_file(tmp_path, name, capsys):
    source = _build(name, tmp_path / "colleague" / name)
    digest, beside = _digest(source), sorted(p.name for p in source.parent.iterdir())
    dest = tmp_path / "mine.sqlite"
    note = tmp_path / "mine.txt"
    note.write_text(MINE, encoding="utf-8")
    assert cli(["import", "--db", str(dest), str(note)]) == 0
    before = _rows(dest)

    code = cli(["copy", "--from", str(source), "--to", str(dest)])
    capsys.readouterr()

    assert _digest(source) == digest
    assert sorted(p.name for p in source.parent.iterdir()) == beside
    if code != 0:
        assert _rows(dest) == before
    else:
        _only_validated_rows(dest)
        after = _rows(dest)
        assert all(set(before[t]) <= set(after[t]) for t in ("article", "claim", "verdict"))
    assert cli(["check", "--db", str(dest)]) == 0
    assert cli(["match", "--db", str(dest)]) == 0
