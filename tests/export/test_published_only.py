"""#17.1: nothing that is not published appears in a published-only output (PDF, card,
ClaimReview, CSV), even where a published group is linked to an unpublished one."""

from __future__ import annotations

import csv
import json

import pypdf
import pytest
from sqlalchemy import insert

from cli.main import main
from storage.models import GroupConflict, utcnow


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


@pytest.fixture
def linked(newsroom):
    """The published Kursk group contradicted by the draft, the approved and the unrated group."""
    with newsroom.db.write() as s:
        for other in (newsroom.draft, newsroom.approved, newsroom.unrated):
            s.execute(insert(GroupConflict).values(
                group_a=newsroom.kursk, group_b=other, detected_at=utcnow(),
                explanation={"figures_differ": [["79", "110"]]}))
    return newsroom


def _unpublished_marks(room) -> list[str]:
    return [room.DRAFT, room.APPROVED, room.UNRATED,
            *(f"#{g}" for g in (room.draft, room.approved, room.unrated))]


def _run(capsys, *argv: str) -> int:
    code = main([*argv])
    capsys.readouterr()
    return code


def test_published_briefing_names_no_unpublished_group(linked, tmp_path, capsys):
    out = tmp_path / "pub.pdf"
    assert _run(capsys, "report", "--db", str(linked.path), "--out", str(out),
                "--organisation", "Desk") == 0
    text = _text(out)
    assert linked.KURSK_OK in text
    for mark in _unpublished_marks(linked):
        assert mark not in text
    assert "(true)" not in text


def test_published_card_names_no_unpublished_group(linked, tmp_path, capsys):
    out = tmp_path / "card.pdf"
    assert _run(capsys, "report", "--db", str(linked.path), "--out", str(out), "--card",
                "--group", str(linked.kursk), "--organisation", "Desk") == 0
    text = _text(out)
    for mark in _unpublished_marks(linked):
        assert mark not in text


def test_published_claimreview_and_csv_name_no_unpublished_group(linked, tmp_path, capsys):
    cr = tmp_path / "cr.json"
    assert _run(capsys, "export", "--db", str(linked.path), "--format", "claimreview",
                "--out", str(cr), "--organisation", "Desk",
                "--base-url", "https://checks.example.org") == 0
    raw = cr.read_text(encoding="utf-8")
    for mark in (linked.DRAFT, linked.APPROVED, linked.UNRATED):
        assert mark not in raw
    assert len(json.loads(raw)) == 4
    out = tmp_path / "pub.csv"
    assert _run(capsys, "export", "--db", str(linked.path), "--format", "csv", "--out", str(out),
                "--status", "published") == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    flat = "\n".join("\t".join(r) for r in rows)
    for mark in _unpublished_marks(linked):
        assert mark not in flat


def test_approved_output_shows_approved_but_not_draft_ratings(linked, tmp_path, capsys):
    out = tmp_path / "appr.pdf"
    assert _run(capsys, "report", "--db", str(linked.path), "--out", str(out),
                "--status", "approved", "--organisation", "Desk") == 0
    text = _text(out)
    assert f"#{linked.approved}" in text
    assert linked.DRAFT not in text and f"#{linked.draft}" not in text


def test_all_statuses_output_may_name_everything(linked, tmp_path, capsys):
    out = tmp_path / "all.pdf"
    assert _run(capsys, "report", "--db", str(linked.path), "--out", str(out),
                "--status", "all", "--organisation", "Desk") == 0
    assert f"#{linked.draft}" in _text(out)
