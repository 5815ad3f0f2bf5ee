"""``claimdesk compare A B``: the decision matching makes for two stored claims and why, in
sentences; an unknown id is a sentence, not a traceback."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from cli.main import main
from ingest import document_from_text
from matching.incremental import match_new_claims
from storage.models import Claim
from storage.schema import open_location
from workflows.importing import store_document

TEXTS = {
    "Alpha": "As of 28 November, 1,415 people had been freed in prisoner exchanges, the "
             "ombudsman said.",
    "Beta": "As of 6 December, 1,449 people had been freed in prisoner exchanges, the "
            "ombudsman said.",
}


def _claims(path: Path) -> list[int]:
    db = open_location(str(path))
    for outlet, text in TEXTS.items():
        doc = document_from_text(text, outlet=outlet, title=outlet, published="2025-12-06")
        assert store_document(db, doc, source=outlet, actor="t").outcome == "imported"
    match_new_claims(db, actor="t")
    with db.read() as session:
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
    db.dispose()
    return ids


def test_compare_says_why_two_claims_were_kept_apart(tmp_path: Path, capsys):
    path = tmp_path / "desk.sqlite"
    first, second = _claims(path)
    assert main(["compare", str(first), str(second), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Claims {first} and {second}: matching finds two different claims. ")
    assert "Why kept apart: two different claims." in out
    assert "as of two stated days" in out
    assert "1,415" in out and "1,449" in out


def test_compare_names_an_unknown_claim(tmp_path: Path, capsys):
    path = tmp_path / "desk.sqlite"
    first, _second = _claims(path)
    assert main(["compare", str(first), "999", "--db", str(path)]) == 1
    assert "claimdesk compare: no claim with id 999 in this database" in capsys.readouterr().err
    assert main(["compare", str(first), str(first), "--db", str(path)]) == 2
    assert "two different claim ids" in capsys.readouterr().err
