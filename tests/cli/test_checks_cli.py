"""``claimdesk import-checks`` and ``claimdesk checked`` as a user runs them."""

from __future__ import annotations

import json

from cli.main import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


CSV = ("claim,rating,url,publisher,date,language\n"
       "Wind farms caused the national blackout in March,False,https://a.example/wind,"
       "Sample Checkers,2025-05-01,en\n"
       "The bread price tripled since last summer,Mostly True,https://a.example/bread,"
       "Sample Checkers,2025-05-02,en\n"
       ",False,https://a.example/none,Sample Checkers,2025-05-02,en\n")


def test_import_then_look_up_as_text_json_and_queries(capsys, tmp_path):
    db = tmp_path / "lib.sqlite"
    checks = tmp_path / "checks.csv"
    checks.write_text(CSV, encoding="utf-8")
    code, out, _ = _run(capsys, "import-checks", "--db", str(db), str(checks))
    assert code == 1  # a row was left out: said, and the exit code says so
    assert "2 fact-checks imported" in out and "line 4: no claim text" in out
    code, out, _ = _run(capsys, "import-checks", "--db", str(db), str(checks))
    assert "0 fact-checks imported, 2 already there" in out

    code, out, _ = _run(capsys, "checked", "--db", str(db), "wind", "farms", "blackout")
    assert code == 0 and out.startswith("1. [False] Wind farms caused")
    assert "Sample Checkers, 2025-05-01" in out and "https://a.example/wind" in out

    code, out, _ = _run(capsys, "checked", "--db", str(db), "--json", "bread price tripled")
    row = json.loads(out)
    assert row["checked"][0] == {"url": "https://a.example/bread",
                                 "claim": "The bread price tripled since last summer",
                                 "rating": "Mostly True", "publisher": "Sample Checkers",
                                 "date": "2025-05-02", "score": row["checked"][0]["score"]}

    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "q1", "text": "blackout from wind farms"}\n'
                       '{"id": 2, "text": "nothing in common here"}\n', encoding="utf-8")
    code, out, _ = _run(capsys, "checked", "--db", str(db), "--queries", str(queries),
                        "--top", "1")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["q1", 2]
    assert [h["url"] for h in lines[0]["checked"]] == ["https://a.example/wind"]
    assert lines[1]["checked"] == []
    again = _run(capsys, "checked", "--db", str(db), "--queries", str(queries), "--top", "1")
    assert again[1] == out  # deterministic


def test_checked_never_creates_a_database(capsys, tmp_path):
    db = tmp_path / "missing.sqlite"
    code, _, err = _run(capsys, "checked", "--db", str(db), "anything")
    assert code == 1 and "there is no database" in err
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_unreadable_files_are_sentences(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\0\1\2")
    code, out, err = _run(capsys, "import-checks", "--db", str(tmp_path / "d.sqlite"),
                          str(bad), str(binary), str(tmp_path / "nowhere.json"))
    assert code == 1 and "Traceback" not in out + err
    assert "not valid JSON" in out and "a binary file" in out
    assert "nowhere.json: cannot read the file" in out
