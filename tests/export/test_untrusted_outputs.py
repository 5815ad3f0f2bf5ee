"""Outputs others open hold untrusted text safely (issue #20: points 11, 12, 13)."""

from __future__ import annotations

import dataclasses
import json

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
