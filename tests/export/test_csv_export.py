"""CSV export: read back with the csv module, and formula-looking cells neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib

from export.csv_export import COLUMNS, neutralise, write_csv
from export.data import load_selection
from storage.articles import NewArticle, NewClaim, add_article
from storage.groups import create_group
from storage.verdicts import VerdictDraft, save_verdict

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\tTabbed", "\rReturn", "\x00Nul"]


def _read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert tuple(header) == COLUMNS
        return [dict(zip(header, row, strict=True)) for row in reader]


def test_round_trip_keeps_every_appearance_and_text_exactly(newsroom, tmp_path):
    groups = load_selection(newsroom.db, "all").groups
    result = write_csv(groups, tmp_path / "claims.csv")
    rows = _read(result.path)
    assert result.rows == len(rows) == sum(len(g.appearances) for g in groups) == 8
    assert result.path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for Cyrillic
    assert b"\r\n" in result.path.read_bytes()
    by_claim = {int(r["claim_id"]): r for r in rows}
    for g in groups:
        for a in g.appearances:
            row = by_claim[a.claim_id]
            assert row["group_id"] == str(g.id)
            assert row["canonical_claim"] == g.canonical_text
            assert row["sentence"] == a.sentence
            assert row["outlet"] == a.outlet
            assert row["url"] == (a.url or "")
            assert row["rating"] == (g.rating or "") and row["rating_label"] == g.rating_label
            assert row["published"] == (a.published.isoformat() if a.published else "")
            if g.verdict:
                assert row["rationale"] == g.verdict.rationale  # newlines survive quoting
                assert row["evidence_count"] == str(len(g.verdict.evidence))
    cyr = next(r for r in rows if r["group_id"] == str(newsroom.cyrillic))
    assert cyr["sentence"] == newsroom.CYRILLIC and cyr["reviewer"] == "Олена Ревізор"
    assert cyr["summary"].startswith("Минск-2")
    assert next(r for r in rows if r["group_id"] == str(newsroom.markup))["sentence"] == newsroom.MARKUP
    kursk = [r for r in rows if r["group_id"] == str(newsroom.kursk)]
    assert {r["conflicting_figures"] for r in kursk} == {
        "79 (Sample: Northern Ledger); about 120 square miles (Sample: Baltic Morning Post)"}
    unrated = next(r for r in rows if r["group_id"] == str(newsroom.unrated))
    assert unrated["rating_label"] == "Not yet rated" and unrated["verdict_status"] == ""


def test_formula_cells_are_neutralised(db, tmp_path):
    text = " ".join(f"S{i}." for i in range(len(FORMULAS)))
    with db.write() as s:
        add_article(s, NewArticle(outlet="=EVIL()", text=text, content_hash=hashlib.sha256(b"f").hexdigest(),
                                  title="@title", url="-http://x", published=dt.date(2025, 1, 1)),
                    [NewClaim(sentence=f, start=0, end=1) for f in FORMULAS], actor="t")
        gid = create_group(s, list(range(1, len(FORMULAS) + 1)), actor="t", canonical_text="+canonical")
        save_verdict(s, gid, VerdictDraft(rating="false", summary="=1+1", rationale="-x",
                                          reviewer="@me"), expected_version=None, actor="t")
    rows = _read(write_csv(load_selection(db, "all").groups, tmp_path / "f.csv").path)
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\x00")), (column, cell)
        assert row["outlet"] == "'=EVIL()" and row["article_title"] == "'@title"
        assert row["url"] == "'-http://x" and row["canonical_claim"] == "'+canonical"
        assert (row["summary"], row["rationale"], row["reviewer"]) == ("'=1+1", "'-x", "'@me")
    sentences = sorted(r["sentence"] for r in rows)
    assert sentences == sorted("'" + f.replace("\x00", "") for f in FORMULAS)


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Київ, 12 лютого") == "Київ, 12 лютого"
    assert neutralise("a=b") == "a=b"
    assert neutralise("") == ""
    assert neutralise("=1") == "'=1"
    assert neutralise("x\x00y") == "xy"
