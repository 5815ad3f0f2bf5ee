"""#17.6: the organisation, corrections contact and published-checks address are set once
(``claimdesk config``, stored in the database) and used by every output; never "root"."""

from __future__ import annotations

import getpass
import json

import pypdf

from cli.main import main


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def _clear_env(monkeypatch) -> None:
    for name in ("CLAIMDESK_ORGANISATION", "CLAIMDESK_AUTHOR", "CLAIMDESK_CORRECTIONS",
                 "CLAIMDESK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_without_settings_nobody_is_named_and_claimreview_refuses_the_placeholder(
        newsroom, tmp_path, capsys, monkeypatch):
    _clear_env(monkeypatch)
    newsroom.db.dispose()
    out = tmp_path / "b.pdf"
    assert main(["report", "--db", str(newsroom.path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "the organisation is not set" in err and "claimdesk config --organisation" in err
    text = _text(out)
    user = getpass.getuser()
    assert f"Prepared by {user}" not in text and f"tell {user}" not in text
    assert "(organisation not set)" in text

    review = tmp_path / "r.json"
    assert main(["export", "--db", str(newsroom.path), "--format", "claimreview",
                 "--out", str(review)]) == 1
    err = capsys.readouterr().err
    assert "placeholder https://fact-checks.invalid" in err and "--allow-placeholder-url" in err
    assert not review.exists()
    assert main(["export", "--db", str(newsroom.path), "--format", "claimreview",
                 "--out", str(review), "--allow-placeholder-url"]) == 0
    assert {i["author"]["name"] for i in json.loads(review.read_text("utf-8"))} == {
        "(organisation not set)"}


def test_config_is_stored_in_the_database_and_used_by_every_output(newsroom, tmp_path, capsys,
                                                                   monkeypatch):
    _clear_env(monkeypatch)
    newsroom.db.dispose()
    db = ["--db", str(newsroom.path)]
    assert main(["config", *db, "--organisation", "Kyiv Fact Desk", "--corrections",
                 "corrections@kyivdesk.example", "--base-url", "https://checks.kyivdesk.example/"]) == 0
    out = capsys.readouterr().out
    assert "organisation:" in out and "Kyiv Fact Desk" in out
    assert "https://checks.kyivdesk.example\n" in out  # trailing slash dropped
    assert "two-person review:" in out and "off (default for a file)" in out

    pdf = tmp_path / "b.pdf"
    assert main(["report", *db, "--out", str(pdf)]) == 0
    text = _text(pdf)
    assert "Kyiv Fact Desk" in text and "Corrections: corrections@kyivdesk.example" in text
    card = tmp_path / "c.pdf"
    assert main(["report", *db, "--out", str(card), "--card", "--group", str(newsroom.kursk)]) == 0
    assert "Kyiv Fact Desk" in _text(card)
    review = tmp_path / "r.json"
    assert main(["export", *db, "--format", "claimreview", "--out", str(review)]) == 0
    items = json.loads(review.read_text("utf-8"))
    assert {i["author"]["name"] for i in items} == {"Kyiv Fact Desk"}
    assert all(i["url"].startswith("https://checks.kyivdesk.example/claims/") for i in items)


def test_a_bad_setting_is_refused_with_a_sentence(newsroom, capsys):
    newsroom.db.dispose()
    assert main(["config", "--db", str(newsroom.path), "--base-url", "checks.example"]) == 1
    assert "must start with https://" in capsys.readouterr().err
