"""The PDF briefing and verdict card, read back with pypdf: text, safety, outline, metadata."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from export import markup
from export.data import load_selection
from export.pdf_briefing import write_briefing
from export.pdf_styles import styles
from export.publisher import Publisher
from export.verdict_card import write_verdict_card

NOW = dt.datetime(2025, 6, 10, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
PUBLISHER = Publisher(organisation="Desk <Org> & Co", author="Ann Editor",
                      corrections="corrections@example.org")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def briefing(tmp_path_factory, newsroom_factory):
    folder = tmp_path_factory.mktemp("briefing")
    room = newsroom_factory(folder / "db.sqlite")
    selection = load_selection(room.db, "all")
    result = write_briefing(selection.groups, folder / "briefing.pdf", publisher=PUBLISHER,
                            title="Kyiv & Minsk: <weekly>", status="all", now=NOW)
    reader = pypdf.PdfReader(result.path)
    pages = [p.extract_text() for p in reader.pages]
    yield room, selection, result, reader, pages
    room.db.dispose()


def test_claims_ratings_and_cyrillic_are_in_the_text(briefing):
    room, selection, result, reader, pages = briefing
    text = _flat("\n".join(pages))
    assert result.pages == len(reader.pages) >= 4
    for claim in (room.CYRILLIC, room.KURSK_OK, room.KURSK_BAD, room.UNRATED, room.APPROVED):
        assert claim in text
    for label in ("False", "Misleading", "Unverifiable", "Mostly false", "True", "Not yet rated"):
        assert label in text
    assert "Київ" in text and "Зеленский" in text and "Олена Ревізор" in text
    assert "Desk <Org> & Co" in text and "Kyiv & Minsk: <weekly>" in text


def test_untrusted_markup_prints_as_typed(briefing):
    room, _, _, reader, pages = briefing
    text = _flat("\n".join(pages))
    for literal in ('<font size=40>huge</font>', '<a href="javascript:alert(1)">x</a>',
                    '<img src="/etc/passwd"/>', "AT&T", "a<b and x<y", "<b>Not bold</b> & not a tag.",
                    "Line two <i>not italic</i>.", "R. <script>", "Harbour <Street> & Review"):
        assert literal in text, literal
    assert "AT&T;" not in text
    # The 200-letter word and the 300-character URL are all there, wrapped over lines.
    squeezed = _squeezed(text)
    assert room.LONG_WORD in squeezed
    assert room.LONG_URL in squeezed


def test_no_live_javascript_links_and_no_embedded_images(briefing):
    _, _, result, reader, _ = briefing
    uris, internal = [], 0
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A")
            if action is None:
                internal += 1 if annot.get("/Dest") is not None else 0
                continue
            action = action.get_object()
            assert action.get("/S") in ("/URI", "/GoTo"), action
            if action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
            else:
                internal += 1
        xobjects = page["/Resources"].get("/XObject") or {}
        for name in xobjects:
            assert xobjects[name].get_object().get("/Subtype") != "/Image"
    assert uris, "expected the http(s) links to be live"
    assert all(re.match(r"https?://", u) for u in uris), uris
    assert "https://example.org/k?a=1&b=2" in uris  # an & in a URL survives the markup
    assert internal >= 7  # the summary table links to each section
    raw = result.path.read_bytes()
    assert b"/JavaScript" not in raw and b"/Launch" not in raw
    assert b"/Subtype /Image" not in raw


def test_outline_has_one_entry_per_group_and_metadata_is_set(briefing):
    _, selection, _, reader, _ = briefing
    outline = reader.outline
    titles = [e.title for e in outline if not isinstance(e, list)]
    assert titles == ["Cover", "Summary of verdicts", "Claims in detail"]
    children = outline[-1]
    assert isinstance(children, list)
    assert len(children) == len(selection.groups) == 7
    assert children[0].title.startswith("1. False: Київ")
    assert any("Not yet rated" in c.title for c in children)
    # Each entry jumps to the page where its section starts.
    first_page = reader.get_destination_page_number(children[0])
    assert "Київ заявив" in reader.pages[first_page].extract_text()
    meta = reader.metadata
    assert meta.title == "Kyiv & Minsk: <weekly>"
    assert meta.author == "Ann Editor"
    assert "7 claim groups" in meta.subject and "Desk <Org> & Co" in meta.subject


def test_every_page_has_page_x_of_y_generation_time_and_corrections(briefing):
    _, _, result, _, pages = briefing
    total = len(pages)
    for n, page in enumerate(pages, start=1):
        flat = _flat(page)
        assert f"Page {n} of {total}" in flat
        assert "Corrections: corrections@example.org" in flat
        assert "10 June 2025, 09:30 UTC+03:00" in flat


def test_sections_show_verdict_evidence_conflicts_and_status(briefing):
    room, _, _, _, pages = briefing
    text = _flat("\n".join(pages))
    assert "Summary of verdicts" in text and "Verdicts at a glance" in text
    assert "Conflicting figures" in text
    assert "≠ about 120 square miles" in text and "≠ 79" in text
    assert "[1] Package of Measures — OSCE, 12 February 2015." in text
    assert "Reviewed by Олена Ревізор" in text
    assert "Draft: not final" in text and "Approved: not final" in text
    assert "No verdict yet" in text
    # Non-web "URLs" are printed, never linked.
    assert "javascript:alert(document.cookie)" in text and "file:///etc/passwd" in text


def test_published_briefing_leaves_out_unfinished_verdicts(newsroom, tmp_path):
    selection = load_selection(newsroom.db, "published")
    assert [g.id for g in selection.groups] == newsroom.published
    result = write_briefing(selection.groups, tmp_path / "b.pdf", publisher=PUBLISHER, now=NOW)
    text = _flat(" ".join(p.extract_text() for p in pypdf.PdfReader(result.path).pages))
    assert newsroom.KURSK_OK in text
    assert newsroom.UNRATED not in text and newsroom.DRAFT not in text
    assert newsroom.APPROVED not in text
    assert "Published verdicts: 4 claim groups" in text


def test_an_empty_selection_still_makes_a_briefing_that_says_so(tmp_path, db):
    result = write_briefing([], tmp_path / "empty.pdf", publisher=PUBLISHER, now=NOW)
    text = _flat(" ".join(p.extract_text() for p in pypdf.PdfReader(result.path).pages))
    assert "No claim group matches this selection." in text
    assert result.groups == 0


@pytest.mark.parametrize("long", ["word", "url"])
def test_long_words_and_urls_wrap_inside_the_column(long, texts):
    value = texts.LONG_WORD if long == "word" else texts.LONG_URL
    source = markup.text(value) if long == "word" else markup.link(value)
    width = 60 * mm
    para = Paragraph(source, styles().body)
    _, height = para.wrap(width, 10_000)
    assert height > styles().body.leading * 2  # it did wrap
    for line in para.blPara.lines:
        extra = line.extraSpace if hasattr(line, "extraSpace") else line[0]
        assert extra >= -0.01, "a line runs past the column"


def test_verdict_card_is_one_page_even_for_a_very_long_claim(newsroom, tmp_path):
    for gid in (newsroom.cyrillic, newsroom.longish, newsroom.unrated):
        group = load_selection(newsroom.db, "all", [gid]).groups[0]
        result = write_verdict_card(group, tmp_path / f"card{gid}.pdf", publisher=PUBLISHER, now=NOW)
        reader = pypdf.PdfReader(result.path)
        assert len(reader.pages) == 1
        text = _flat(reader.pages[0].extract_text())
        assert group.rating_label in text
        assert "FACT CHECK" in text and "Desk <Org> & Co" in text
        assert reader.metadata.title.startswith("Fact check: ")
    text = _flat(pypdf.PdfReader(tmp_path / f"card{newsroom.cyrillic}.pdf").pages[0].extract_text())
    assert "Київ заявив" in text and "Reviewed by Олена Ревізор" in text


def test_a_failed_build_leaves_no_file_and_keeps_the_old_one(newsroom, tmp_path, monkeypatch):
    out = tmp_path / "out" / "brief.pdf"
    out.parent.mkdir()
    out.write_bytes(b"old briefing")
    groups = load_selection(newsroom.db, "all").groups

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("export.pdf_briefing.document._BriefingDoc.build", broken)
    with pytest.raises(RuntimeError):
        write_briefing(groups, out, publisher=PUBLISHER, now=NOW)
    assert out.read_bytes() == b"old briefing"
    assert sorted(p.name for p in out.parent.iterdir()) == ["brief.pdf"]


def test_output_file_has_normal_permissions(newsroom, tmp_path):
    result = write_briefing([], tmp_path / "perm.pdf", publisher=PUBLISHER, now=NOW)
    assert Path(result.path).stat().st_mode & 0o644 == 0o644


def test_contradicting_groups_are_shown_and_linked_only_when_in_the_briefing(newsroom, tmp_path):
    from storage.match_store import add_conflict

    with newsroom.db.write() as s:
        add_conflict(s, newsroom.kursk, newsroom.draft,
                     {"figures_differ": [["about 120 square miles", "110 square miles"]]})
    for status, linked in (("all", True), ("published", False)):
        groups = load_selection(newsroom.db, status).groups
        path = write_briefing(groups, tmp_path / f"{status}.pdf", publisher=PUBLISHER, now=NOW).path
        reader = pypdf.PdfReader(path)
        text = _flat(" ".join(p.extract_text() for p in reader.pages))
        if status == "published":  # a draft group is never named in a published output (#17.1)
            assert f"#{newsroom.draft}" not in text and "(true)" not in text
            continue
        assert f"Contradicted by claim group #{newsroom.draft} (true):" in text
        assert "Figures that differ: about 120 square miles ≠ 110 square miles" in text
        start = next(i for i, p in enumerate(reader.pages) if "Claims in detail" in p.extract_text())
        jumps = sum(1 for page in reader.pages[start:] for a in page.get("/Annots") or []
                    if a.get_object().get("/Dest") is not None)
        # In the sections (after the summary table), when both groups are in it: one each way.
        assert jumps == (2 if linked else 0)


def test_ratings_that_are_not_final_are_marked_on_the_cover_and_in_the_summary(briefing):
    _, _, _, _, pages = briefing
    assert "2 of these ratings are not final yet" in _flat(pages[0])
    summary = _flat(pages[1])
    assert "True (approved)" in summary and "True (draft)" in summary
