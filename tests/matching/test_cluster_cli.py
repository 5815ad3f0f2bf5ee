"""`claimdesk cluster` and `claimdesk match`: the stable command-line contracts."""

from __future__ import annotations

import json

from cli.main import main

CLAIMS = [
    {"id": "a", "text": "Over the past year Russia took only 0.6% more of Ukraine's territory.",
     "outlet": "Kyiv Ledger", "date": "2025-06-01"},
    {"id": "b", "text": "Russian forces seized just 0.6 percent more of Ukrainian land over the "
     "past year.", "outlet": "Baltic Wire"},
    {"id": "c", "text": "Over the past year Russia took 1.5% more of Ukraine's territory.",
     "outlet": "Harbour Review"},
    {"id": 7, "text": "Minsk II was signed on 12 February 2015 after all-night talks."},
    {"id": 8, "text": "Minsk I was signed on 5 September 2014 by the contact group."},
]


def _cluster(capsys, tmp_path, records) -> list[dict]:
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["cluster", str(path)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_cluster_groups_paraphrases_and_flags_the_other_figure(capsys, tmp_path):
    rows = _cluster(capsys, tmp_path, CLAIMS)
    assert [r["id"] for r in rows] == ["a", "b", "c", 7, 8]  # input order, ids as given
    by_id = {r["id"]: r for r in rows}
    assert by_id["a"]["cluster"] == by_id["b"]["cluster"] == "a"
    assert by_id["c"]["cluster"] == "c"
    assert by_id["c"]["conflicts_with"] == ["a"]
    assert by_id["a"]["conflicts_with"] == ["c"]
    assert by_id[7]["cluster"] != by_id[8]["cluster"]
    assert by_id[7]["conflicts_with"] == []


def test_cluster_is_deterministic(capsys, tmp_path):
    assert _cluster(capsys, tmp_path, CLAIMS) == _cluster(capsys, tmp_path, CLAIMS)


def test_cluster_reports_a_malformed_line(capsys, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "text": "fine"}\n{"id": 2, "text": \n', encoding="utf-8")
    assert main(["cluster", str(path)]) == 1
    assert ":2:" in capsys.readouterr().err


def test_match_command_prints_what_changed(capsys, tmp_path):
    db = tmp_path / "m.sqlite"
    for i, record in enumerate(CLAIMS[:3]):
        f = tmp_path / f"a{i}.txt"
        f.write_text(f"Title: Article {i}\nOutlet: {record.get('outlet', 'X')}\n---\n"
                     f"{record['text']}\n", encoding="utf-8")
    # Import without matching, then match from the command line.
    from ingest import read_document
    from storage.schema import open_database
    from workflows.importing import store_document

    database = open_database(db)
    for i in range(3):
        store_document(database, read_document(tmp_path / f"a{i}.txt"), source=f"a{i}",
                       actor="t", match=False)
    database.dispose()
    assert main(["match", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "joined" in out and "conflict" in out
    assert "claims joined to an existing group: 1" in out
    assert "new conflicts between groups: 1" in out
    assert main(["match", "--db", str(db)]) == 0
    assert "claims joined to an existing group: 0" in capsys.readouterr().out
