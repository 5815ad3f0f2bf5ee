"""#19: ``claimdesk measures``, ``timeline`` and ``reference`` on a database with claims."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from sqlalchemy import select

from cli.main import main
from extraction import parse_figures
from storage.articles import NewArticle, NewClaim, add_article
from storage.models import Claim
from storage.schema import open_database

CLAIMS = [
    ("Sample: A", "2022-06-02", "Russia controls about 20 per cent of Ukraine."),
    ("Sample: B", "2025-03-12", "Russia now controls about 19% of Ukraine."),
    ("=HYPERLINK(\"http://x\")", "2025-03-22", "Russia now holds about a third of Ukraine."),
]


@pytest.fixture
def desk(tmp_path):
    path = tmp_path / "desk.sqlite"
    db = open_database(path)
    ids = []
    for n, (outlet, day, text) in enumerate(CLAIMS):
        published = dt.date.fromisoformat(day)
        figures = [f.to_json_dict() for f in parse_figures(text, published=published)]
        with db.write() as s:
            aid = add_article(s, NewArticle(outlet=outlet, text=text, published=published,
                                            content_hash=f"c{n}"),
                              [NewClaim(sentence=text, start=0, end=len(text), figures=figures)],
                              actor="t")
            ids.append(s.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one())
    db.dispose()
    return path, ids


def _measures(path, capsys) -> list[dict]:
    assert main(["measures", "--json", "--db", str(path)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_measures_lists_the_measure_and_timeline_writes_escaped_csv(desk, capsys, tmp_path):
    path, ids = desk
    [share] = [m for m in _measures(path, capsys) if m["name"] == "Share of Ukraine held by Russia"]
    assert share["claims"] == 3 and share["latest_date"] == "2025-03-22"
    assert share["low_text"] == "19 %"
    assert main(["measures", "--db", str(path)]) == 0
    assert "Share of Ukraine held by Russia: 3 claims, 3 outlets" in capsys.readouterr().out

    out = tmp_path / "share.csv"
    assert main(["timeline", str(share["id"]), "--out", str(out), "--db", str(path)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [int(r["claim_id"]) for r in rows] == ids
    assert rows[2]["outlet"].startswith("'=HYPERLINK")  # a formula is shown as text
    assert rows[0]["date"] == "2022-06-02" and rows[0]["reference"] == "no reference"


def test_reference_add_turns_a_wrong_claim_into_contradicts(desk, capsys, tmp_path):
    path, ids = desk
    [share] = [m for m in _measures(path, capsys) if m["name"] == "Share of Ukraine held by Russia"]
    mid = str(share["id"])
    assert main(["reference", "add", mid, "--value", "19", "--low", "18", "--high", "20",
                 "--as-of", "2025-01-01", "--source-url", "https://example.org/map",
                 "--source-title", "Control of terrain", "--quote", "about 19%",
                 "--db", str(path)]) == 0
    said = capsys.readouterr().out
    assert "1 consistent, 1 contradict, 1 with no reference" in said
    assert main(["reference", "list", "--json", "--db", str(path)]) == 0
    [ref] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert ref["measure_id"] == share["id"] and ref["quote"] == "about 19%"
    out = tmp_path / "t.csv"
    assert main(["timeline", mid, "--out", str(out), "--db", str(path)]) == 0
    kinds = {int(r["claim_id"]): r["reference"]
             for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert kinds == {ids[0]: "no reference", ids[1]: "consistent", ids[2]: "contradicts"}


@pytest.mark.parametrize("argv, says", [
    (["reference", "add", "999", "--value", "1", "--as-of", "2025-01-01", "--source-url",
      "https://example.org", "--source-title", "T"], "There is no measure 999."),
    (["reference", "add", "MID", "--value", "one", "--as-of", "2025-01-01", "--source-url",
      "https://example.org", "--source-title", "T"], "The value must be a number"),
    (["reference", "add", "MID", "--value", "1", "--as-of", "01/02/2025", "--source-url",
      "https://example.org", "--source-title", "T"], "form YYYY-MM-DD"),
    (["reference", "add", "MID", "--value", "1", "--as-of", "2025-01-01", "--source-url",
      "file:///etc/passwd", "--source-title", "T"], "must start with http"),
    (["timeline", "999", "--out", "x.csv"], "There is no measure 999."),
    (["timeline", "MID", "--out", "x.txt"], "must end in .csv, .png or .svg"),
])
def test_errors_are_sentences_not_tracebacks(desk, capsys, tmp_path, monkeypatch, argv, says):
    path, _ids = desk
    [share] = [m for m in _measures(path, capsys) if m["name"] == "Share of Ukraine held by Russia"]
    monkeypatch.chdir(tmp_path)
    argv = [str(share["id"]) if a == "MID" else a for a in argv]
    assert main([*argv, "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_timeline_writes_an_svg_chart(desk, capsys, tmp_path):
    path, _ids = desk
    [share] = [m for m in _measures(path, capsys) if m["name"] == "Share of Ukraine held by Russia"]
    out = tmp_path / "share.svg"
    assert main(["timeline", str(share["id"]), "--out", str(out), "--db", str(path)]) == 0
    assert "wrote 3 points" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "Share of Ukraine held by Russia" in text


def test_measures_stated_once_are_counted_and_listed_with_all(tmp_path, capsys):
    """Like the window's "Stated once too": hidden by default, but said, and --all lists them."""
    path = tmp_path / "once.sqlite"
    db = open_database(path)
    text = "Russia controls about 20 per cent of Ukraine."
    published = dt.date(2022, 6, 2)
    figures = [f.to_json_dict() for f in parse_figures(text, published=published)]
    with db.write() as s:
        add_article(s, NewArticle(outlet="Sample: A", text=text, published=published,
                                  content_hash="once"),
                    [NewClaim(sentence=text, start=0, end=len(text), figures=figures)], actor="t")
    db.dispose()
    assert main(["measures", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Share of Ukraine held by Russia" not in out
    assert out.startswith("No measure is stated by two claims or more yet; 1 measure stated "
                          "by a single claim is not listed: --all lists them.")
    assert main(["measures", "--all", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Share of Ukraine held by Russia: 1 claim, 1 outlet, 20 %" in out
    assert "not listed" not in out
