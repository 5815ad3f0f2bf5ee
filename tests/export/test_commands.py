"""``claimdesk report`` and ``claimdesk export`` run end to end through cli.main.main."""

from __future__ import annotations

import csv
import json

import pypdf
import pytest

from cli.main import main
from export.claimreview import validate_claimreview


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def test_report_all_includes_unrated_groups(capsys, newsroom, tmp_path):
    out = tmp_path / "brief.pdf"
    code, stdout, stderr = _run(capsys, "report", "--db", str(newsroom.path), "--out", str(out),
                                "--status", "all", "--organisation", "Kyiv Desk",
                                "--author", "Ann", "--title", "Weekly")
    assert code == 0, stderr
    assert stdout.strip().startswith(f"briefing written: {out.resolve()} (7 claim groups, ")
    assert stdout.count("\n") == 1
    text = _text(out)
    assert "Not yet rated" in text and newsroom.UNRATED in text and "Kyiv Desk" in text
    assert pypdf.PdfReader(out).metadata.author == "Ann"


def test_report_default_is_published_and_groups_can_be_chosen(capsys, newsroom, tmp_path):
    out = tmp_path / "b.pdf"
    code, stdout, stderr = _run(capsys, "--db", str(newsroom.path), "report", "--out", str(out),
                                "--group", str(newsroom.kursk), "--group", str(newsroom.draft))
    assert code == 0
    assert "(1 claim group, " in stdout
    assert f"claim group {newsroom.draft} left out: its verdict is draft" in stderr
    text = _text(out)
    assert newsroom.KURSK_OK in text and newsroom.DRAFT not in text and newsroom.CYRILLIC not in text


def test_report_unknown_group_or_bad_folder_is_an_error_without_a_file(capsys, newsroom, tmp_path):
    out = tmp_path / "x.pdf"
    code, _, stderr = _run(capsys, "report", "--db", str(newsroom.path), "--out", str(out),
                           "--group", "999")
    assert code == 1 and "no claim group with id 999" in stderr and not out.exists()
    code, _, stderr = _run(capsys, "report", "--db", str(newsroom.path),
                           "--out", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "does not exist" in stderr


def test_verdict_card_from_the_command_line(capsys, newsroom, tmp_path):
    out = tmp_path / "card.pdf"
    code, stdout, _ = _run(capsys, "report", "--db", str(newsroom.path), "--out", str(out),
                           "--card", "--group", str(newsroom.cyrillic))
    assert code == 0 and stdout.startswith("verdict card written:")
    assert len(pypdf.PdfReader(out).pages) == 1 and "Київ" in _text(out)
    code, _, stderr = _run(capsys, "report", "--db", str(newsroom.path), "--out", str(out), "--card")
    assert code == 2 and "exactly one --group" in stderr


def test_export_claimreview_and_csv(capsys, newsroom, tmp_path):
    jl = tmp_path / "reviews.json"
    code, stdout, _ = _run(capsys, "export", "--db", str(newsroom.path), "--format", "claimreview",
                           "--out", str(jl), "--organisation", "Kyiv Desk",
                           "--base-url", "https://checks.example.org")
    assert code == 0 and stdout.startswith(f"ClaimReview written: {jl.resolve()} (4 verdicts)")
    items = json.loads(jl.read_text(encoding="utf-8"))
    assert len(items) == 4 and all(validate_claimreview(i) == [] for i in items)
    assert {i["author"]["name"] for i in items} == {"Kyiv Desk"}

    code, stdout, _ = _run(capsys, "export", "--db", str(newsroom.path), "--format", "claimreview",
                           "--out", str(jl), "--status", "all", "--allow-placeholder-url")
    assert "(6 verdicts; 1 unrated claim group left out)" in stdout

    out = tmp_path / "claims.csv"
    code, stdout, _ = _run(capsys, "export", "--db", str(newsroom.path), "--format", "csv",
                           "--out", str(out))
    assert code == 0 and "(8 rows, 7 claim groups)" in stdout
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == 9


def test_organisation_and_author_fall_back_to_the_environment(capsys, newsroom, tmp_path,
                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMDESK_ORGANISATION", "Env Desk")
    monkeypatch.setenv("CLAIMDESK_AUTHOR", "Env Author")
    out = tmp_path / "b.pdf"
    assert _run(capsys, "report", "--db", str(newsroom.path), "--out", str(out))[0] == 0
    assert "Env Desk" in _text(out)
    assert pypdf.PdfReader(out).metadata.author == "Env Author"
