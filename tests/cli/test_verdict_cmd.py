"""#17.4: ``claimdesk verdict`` drives the editorial rules (#17.2, #17.3) from the command line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from cli.main import main
from storage import groups
from storage.articles import NewArticle, NewClaim, add_article
from storage.models import AuditEntry, Claim
from storage.schema import open_database


@pytest.fixture
def room(tmp_path):
    path = tmp_path / "desk.sqlite"
    db = open_database(path)
    text = "Ukraine held about 79 square miles of Kursk in March."
    with db.write() as s:
        aid = add_article(s, NewArticle(outlet="Sample: Ledger", text=text, content_hash="k1"),
                          [NewClaim(sentence=text, start=0, end=len(text))], actor="t")
        cid = s.execute(select(Claim.id).where(Claim.article_id == aid)).scalar_one()
        gid = groups.create_group(s, [cid], actor="t")
    db.dispose()
    return path, gid


def _run(capsys, path, *argv: str) -> tuple[int, str, str]:
    code = main(["verdict", "--db", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_workflow_and_a_correction(room, capsys):
    path, gid = room
    g = str(gid)
    code, out, err = _run(capsys, path, g, "--rating", "Mostly false", "--summary", "Not 120.",
                          "--reviewer", "Ana")
    assert code == 0 and f"claim group {gid}: verdict saved (version 1)" in out, err
    assert _run(capsys, path, g, "--status", "review", "--reviewer", "Ana")[0] == 0
    code, _, err = _run(capsys, path, g, "--status", "approved", "--reviewer", "Ana")
    assert code == 0 and "note: You approved a verdict you wrote yourself" in err
    code, _, err = _run(capsys, path, g, "--status", "published", "--reviewer", "Ana")
    assert code == 1
    assert err.strip() == ("claimdesk verdict: This verdict cannot be published yet: it needs a "
                           "rationale (why this rating) and at least one evidence item (a source "
                           "that shows it).")
    # Editing an approved verdict is fine; it stays approved? No: saving keeps the status.
    code, out, err = _run(capsys, path, g, "--rationale", "ISW maps.", "--evidence",
                          "https://example.org/isw", "--reviewer", "Ana")
    assert code == 0, err
    code, out, err = _run(capsys, path, g, "--status", "published", "--reviewer", "Ana")
    assert code == 0 and "verdict published" in out, err
    code, _, err = _run(capsys, path, g, "--rating", "false", "--reviewer", "Ana")
    assert code == 1 and "give the reason for the correction" in err
    code, out, err = _run(capsys, path, g, "--rating", "false", "--reason",
                          "New satellite images.", "--reviewer", "Ana")
    assert code == 0, err
    code, out, _ = _run(capsys, path, g, "--show", "--json")
    record = json.loads(out)
    assert record["verdict"]["rating"] == "false" and record["verdict"]["status"] == "published"
    assert [(v["number"], v["rating"], v["reason"]) for v in record["published_versions"]] == [
        (1, "mostly_false", None), (2, "false", "New satellite images.")]
    code, out, _ = _run(capsys, path, g, "--show")
    assert "corrected" in out and "reason: New satellite images." in out
    db = open_database(path)
    with db.read() as s:
        actions = set(s.execute(select(AuditEntry.action)).scalars())
    db.dispose()
    assert {"verdict_saved", "verdict_in_review", "verdict_approved", "verdict_published",
            "verdict_corrected"} <= actions


def test_two_person_review_refuses_the_author_and_accepts_another(room, capsys):
    path, gid = room
    g = str(gid)
    assert main(["config", "--db", str(path), "--two-person-review", "on"]) == 0
    _run(capsys, path, g, "--rating", "false", "--rationale", "r", "--evidence",
         "https://example.org/a", "--reviewer", "Ana")
    _run(capsys, path, g, "--status", "review", "--reviewer", "Ana")
    code, _, err = _run(capsys, path, g, "--status", "approved", "--reviewer", "ana")
    assert code == 1 and "a reviewer other than the author must approve it" in err
    code, out, err = _run(capsys, path, g, "--status", "approved", "--reviewer", "Bo")
    assert code == 0 and "verdict approved" in out, err


def test_mistakes_are_sentences(room, capsys):
    path, gid = room
    code, _, err = _run(capsys, path, str(gid), "--rating", "pants on fire")
    assert code == 1 and "is not a rating" in err
    code, _, err = _run(capsys, path, "999", "--rating", "false")
    assert code == 1 and "there is no claim group 999" in err
    code, _, err = _run(capsys, path, str(gid), "--status", "review")
    assert code == 1 and "has no verdict yet" in err
    code, _, err = _run(capsys, path, str(gid))
    assert code == 1 and "say what to do" in err


def test_a_new_verdict_written_with_status_draft_is_saved(room, capsys):
    """A new verdict is a draft: saying so is no refused step, and the rating is kept."""
    path, gid = room
    code, out, err = _run(capsys, path, str(gid), "--rating", "False", "--status", "draft",
                          "--reviewer", "Ana")
    assert code == 0 and f"claim group {gid}: verdict draft (version 1)" in out, err
    code, out, _ = _run(capsys, path, str(gid), "--show", "--json")
    assert code == 0 and json.loads(out)["verdict"]["rating"] == "false"


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def test_the_reviewer_is_a_person_named_never_the_user_account(room, capsys, monkeypatch,
                                                               tmp_path):
    """The briefing said "Reviewed by root": the verdict took the OS account as its reviewer."""
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    path, gid = room
    g = str(gid)
    code, _, err = _run(capsys, path, g, "--rating", "false", "--summary", "Not 120.")
    assert code == 0, err
    code, out, _ = _run(capsys, path, g, "--show", "--json")
    assert json.loads(out)["verdict"]["reviewer"] is None
    with open_database(path).read() as s:  # the audit log still says who acted here
        assert s.execute(select(AuditEntry.actor).where(
            AuditEntry.action == "verdict_saved")).scalar_one() == "root"

    briefing, card = tmp_path / "b.pdf", tmp_path / "c.pdf"
    assert main(["report", "--db", str(path), "--status", "all", "--out", str(briefing)]) == 0
    assert main(["report", "--db", str(path), "--status", "all", "--card", "--group", g,
                 "--out", str(card)]) == 0
    for pdf in (briefing, card):
        text = _pdf_text(pdf)
        assert "Reviewer not named" in text and "root" not in text

    assert _run(capsys, path, g, "--summary", "Not 120 sq mi.", "--reviewer", "Ana Koval")[0] == 0
    assert main(["report", "--db", str(path), "--status", "all", "--out", str(briefing)]) == 0
    assert "Reviewed by Ana Koval" in _pdf_text(briefing)
