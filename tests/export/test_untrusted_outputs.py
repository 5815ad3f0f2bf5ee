"""Outputs others open hold untrusted text safely (issue #20: points 11, 12, 13)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from cli.main import main as cli
from export.claimreview import write_claimreview
from export.data import load_selection
from export.publisher import Publisher

PUBLISHER = Publisher(organisation="Desk <Org> & Co", author="Ann",
                      base_url="https://checks.example.org")
HOSTILE = "</script><script>alert('x')</script> & <!-- \u2028 -->"


def test_claimreview_json_is_safe_to_paste_into_a_script_element(newsroom, tmp_path):
    groups = load_selection(newsroom.db, "approved").groups
    groups = [dataclasses.replace(groups[0], canonical_text=HOSTILE), *groups[1:]]
    result = write_claimreview(groups, tmp_path / "reviews.json", publisher=PUBLISHER)
    raw = result.path.read_text(encoding="utf-8")
    for char in "<>&\u2028":
        assert char not in raw
    assert "\\u003c/script\\u003e" in raw
    items = json.loads(raw)
    assert items[0]["claimReviewed"] == HOSTILE


def test_csv_neutralises_formulas_hidden_behind_invisible_or_full_width_starts():
    from export.csv_export import neutralise

    for cell in (" =1+1", "\n=HYPERLINK(\"x\")", "\u200b=cmd|' /C calc'!A0", "\ufeff=x",
                 "\u00a0+x", "\uff1d1+1", "\uff0bx", "\uff20SUM(A1)", "\u3000 \u2060=x",
                 "\uff0d1", " \t@x"):
        assert neutralise(cell).startswith("'"), repr(cell)
    for cell in (" hello", "Ａ team", "\u200bnote", "5 = five"):
        assert neutralise(cell) == cell


def _long(words: int) -> str:
    return " ".join(f"word{n % 97}" for n in range(words))


def test_a_briefing_with_huge_sentences_and_unbroken_text_still_builds(newsroom, tmp_path):
    from export.pdf_briefing import write_briefing

    groups = load_selection(newsroom.db, "all").groups
    first, second = groups[0], groups[1]
    huge = _long(600)  # about 4,000 characters in one sentence
    assert len(huge) > 4_000
    first = dataclasses.replace(
        first, canonical_text=_long(700),  # a 4,800-character ClaimReview claim
        appearances=tuple(dataclasses.replace(a, sentence=huge) for a in first.appearances))
    second = dataclasses.replace(
        second, canonical_text="x" * 4_500,
        appearances=tuple(dataclasses.replace(a, sentence="y" * 5_000, article_title="z" * 900)
                          for a in second.appearances))
    out = tmp_path / "briefing.pdf"
    result = write_briefing([first, second, *groups[2:]], out, publisher=PUBLISHER,
                            status="all")
    assert result.pages > 3 and out.read_bytes().startswith(b"%PDF")


def _hostile_claimreview(newsroom, tmp_path) -> tuple[Path, list[dict]]:
    import copy

    from export.claimreview import claimreview_document

    good, _ = claimreview_document(load_selection(newsroom.db, "approved").groups, PUBLISHER)
    listed = copy.deepcopy(good[0])
    listed["itemReviewed"]["author"] = ["a list", "where an object belongs"]
    listed["creativeWorkStatus"] = ["a list"]
    huge = copy.deepcopy(good[0])
    huge["reviewRating"].update(bestRating=1.7e308, worstRating=-1.7e308, ratingValue=1.7e308)
    huge["reviewRating"]["alternateName"] = "no such rating"
    deep = "[" * 200_000 + "]" * 200_000
    body = ",\n".join([json.dumps(good[0]), json.dumps(listed), json.dumps(huge), deep,
                       *(json.dumps(g) for g in good[1:])])
    path = tmp_path / "hostile.json"
    path.write_text(f"[{body}]", encoding="utf-8")
    return path, good


def test_import_claimreview_skips_and_names_each_bad_item(newsroom, tmp_path, capsys):
    path, good = _hostile_claimreview(newsroom, tmp_path)
    db_path = tmp_path / "other.sqlite"
    assert cli(["import-claimreview", "--db", str(db_path), str(path)]) == 0, \
        capsys.readouterr().err
    out = capsys.readouterr().out
    for n in (2, 3, 4):
        assert f"note: item {n}:" in out
    assert f"{len(good)} claim groups created" in out


def test_import_claimreview_commits_in_batches(newsroom, tmp_path, monkeypatch):
    from export.claimreview import reimport as claimreview  # where the import runs
    from storage.schema import open_database

    _path, good = _hostile_claimreview(newsroom, tmp_path)
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    monkeypatch.setattr(claimreview, "BATCH", 1)
    real = claimreview._import_one
    seen = []

    def fail_on_the_last(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(1)
        if len(seen) == len(good):
            raise OSError("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(claimreview, "_import_one", fail_on_the_last)
    db = open_database(tmp_path / "other.sqlite")
    try:
        with pytest.raises(OSError):
            claimreview.import_claimreview(db, path, actor="tester")
        assert len(load_selection(db, "all").groups) == len(good) - 1
    finally:
        db.dispose()


def test_an_item_the_database_refuses_is_skipped_alone(newsroom, tmp_path, capsys):
    import copy

    from export.claimreview import claimreview_document

    good, _ = claimreview_document(load_selection(newsroom.db, "approved").groups, PUBLISHER)
    twice = copy.deepcopy(good[0])
    twice["claimReviewed"] = "The same appearance listed twice in one item."
    same = {"@type": "CreativeWork", "url": "https://example.org/twice",
            "text": "Listed twice.", "author": {"@type": "Organization", "name": "Twice"}}
    twice["itemReviewed"]["appearance"] = [same, dict(same)]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([twice, *good]), encoding="utf-8")
    assert cli(["import-claimreview", "--db", str(tmp_path / "o.sqlite"), str(path)]) == 0, \
        capsys.readouterr().err
    out = capsys.readouterr().out
    assert "note: item 1:" in out and f"{len(good)} claim groups created" in out
