"""The briefing and the verdict card list the other fact-checks a person linked as the same claim."""

from __future__ import annotations

import datetime as dt

import pypdf

from export.data import load_selection
from export.pdf_briefing import write_briefing
from export.publisher import Publisher
from export.verdict_card import write_verdict_card
from storage import factchecks

PUBLISHER = Publisher(organisation="Desk", author="Ann Editor", corrections="c@example.org")


def _link(room, group_id: int) -> None:
    with room.db.write() as session:
        ids = factchecks.add_fact_checks(session, [
            factchecks.NewFactCheck(claim="Minsk II was signed by <i>Zelensky</i>",
                                    rating_text="False", rating="false",
                                    publisher="Other <b>Desk</b> & Co",
                                    url="https://other.example/minsk",
                                    review_date=dt.date(2025, 6, 1)),
            factchecks.NewFactCheck(claim="Minsk II signed by Zelensky", rating_text="Faux",
                                    publisher="Vérif", url="javascript:alert(1)")],
            source_file="t.json", source_format="json", actor="t")
        for fc_id in ids:
            factchecks.link_same_claim(session, group_id, fc_id, actor="t")


def _links(reader: pypdf.PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    return uris


def test_briefing_and_card_say_who_else_checked_it(newsroom, tmp_path):
    _link(newsroom, newsroom.cyrillic)
    selection = load_selection(newsroom.db, "all")
    group = next(g for g in selection.groups if g.id == newsroom.cyrillic)
    assert [e.publisher for e in group.also_checked] == ["Other <b>Desk</b> & Co", "Vérif"]
    other = next(g for g in selection.groups if g.id == newsroom.markup)
    assert other.also_checked == ()

    briefing = write_briefing(selection.groups, tmp_path / "b.pdf", publisher=PUBLISHER,
                              title="T", status="all")
    reader = pypdf.PdfReader(briefing.path)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Also checked by" in text
    assert "Other <b>Desk</b> & Co: False (2025-06-01)" in text  # markup printed as typed
    assert "Vérif: Faux" in text
    uris = _links(reader)
    assert "https://other.example/minsk" in uris
    assert not any(u.startswith("javascript") for u in uris)

    card = write_verdict_card(group, tmp_path / "c.pdf", publisher=PUBLISHER)
    card_text = " ".join(pypdf.PdfReader(card.path).pages[0].extract_text().split())
    assert "Also checked by Other <b>Desk</b> & Co (False), Vérif (Faux)" in card_text
