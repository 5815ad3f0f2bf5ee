"""How the briefing's sections fall on pages, and the words it uses for extractor codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf

from export.data import (
    Appearance,
    EvidenceItem,
    FigureConflict,
    GroupReport,
    VerdictInfo,
    conflicting_figures,
)
from export.pdf_briefing import write_briefing
from export.publisher import Publisher

PUBLISHER = Publisher(organisation="Layout Desk", author="Ann Editor",
                      corrections="corrections@example.org")
WHEN = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


def _appearance(group: int, n: int, words: int) -> Appearance:
    sentence = (f"Quote {n} of group {group}: " + "the front line moved a little " * words
                ).strip() + "."
    return Appearance(claim_id=group * 10 + n, outlet=f"Sample Outlet {n}",
                      published=dt.date(2025, 3, n + 1), sentence=sentence,
                      url=f"https://example.org/{group}/{n}", article_title=f"Title {n}",
                      claimant=None)


def _group(gid: int, heading_words: int, appearances: int, quote_words: int,
           category: str = "territory") -> GroupReport:
    text = f"Heading of group {gid}: " + "a claim about ground held " * heading_words
    return GroupReport(id=gid, canonical_text=text.strip(), category=category,
                       created_at=WHEN, updated_at=WHEN, verdict=None,
                       appearances=tuple(_appearance(gid, n, quote_words)
                                         for n in range(appearances)))


def _pages(groups: list[GroupReport], path: Path) -> list[str]:
    result = write_briefing(groups, path, publisher=PUBLISHER, status="all", now=WHEN)
    return [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(result.path).pages]


def test_a_section_heading_is_never_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """Sections of every length one after the other: wherever a heading lands, its first
    appearance is on the same page (a long appearances table splits; the heading does not
    stay behind alone)."""
    groups = [_group(gid, 1 + gid % 4, 2 + gid % 5, 6 + (gid * 7) % 23) for gid in range(1, 41)]
    pages = _pages(groups, tmp_path / "b.pdf")
    for g in groups:
        heading_page = next(i for i, text in enumerate(pages) if f"Claim group #{g.id} ·" in text)
        first_quote = " ".join(g.appearances[0].sentence.split()[:6])
        assert first_quote in pages[heading_page], (
            f"group {g.id}: heading on page {heading_page + 1}, its appearances later")
        for a in g.appearances:  # a row is not cut in two: its quote and link on one page
            start = " ".join(a.sentence.split()[:6])
            page = next(i for i, text in enumerate(pages) if start in text)
            assert a.url in pages[page], f"{a.url}: its row continues on the next page"


def test_an_appearance_taller_than_a_page_is_split_across_pages(tmp_path: Path) -> None:
    group = _group(1, 1, 2, 700)  # ~22,000 characters: more than a page in its cell
    pages = _pages([group], tmp_path / "b.pdf")
    assert len(pages) >= 5
    assert group.appearances[1].url in " ".join(pages)


def test_a_section_without_a_verdict_says_so_once(tmp_path: Path) -> None:
    pages = _pages([_group(1, 1, 1, 5), _group(2, 1, 1, 5)], tmp_path / "b.pdf")
    text = " ".join(pages)
    assert text.count("No verdict yet") == 2  # beside each badge, not again at the end
    assert "has not been reviewed" not in text


def test_categories_and_units_read_as_words(tmp_path: Path) -> None:
    a = _appearance(1, 0, 2)
    b = _appearance(1, 1, 2)
    figure = {"kind": "area", "unit": "mi2"}
    a = Appearance(**{**a.__dict__, "figures": ({**figure, "value": 110, "text": "110 sq mi"},)})
    b = Appearance(**{**b.__dict__, "figures": ({**figure, "value": 120, "text": "120 sq mi"},)})
    group = _group(1, 1, 0, 0, category="other_numeric")
    group = GroupReport(**{**group.__dict__, "appearances": (a, b),
                           "conflicts": tuple(conflicting_figures([a, b]))})
    text = " ".join(_pages([group], tmp_path / "b.pdf"))
    assert "category: Other figures" in text and "other_numeric" not in text
    assert "area · square miles" in text and "mi2" not in text


def test_only_figures_no_other_appearance_supports_are_marked() -> None:
    """110, about 120 and roughly 110 square miles: the 120 stands alone; each 110 has the
    other's support, as the briefing's sentence above the table says."""
    stated = [_appearance(1, n, 1) for n in range(3)]
    stated = [Appearance(**{**a.__dict__, "figures": (
        {"kind": "area", "unit": "mi2", "value": v, "text": t},)})
        for a, (v, t) in zip(stated, ((110, "110 square miles"), (120, "about 120 square miles"),
                                       (110, "roughly 110 square miles")), strict=True)]
    [conflict] = conflicting_figures(stated)
    assert isinstance(conflict, FigureConflict)
    assert {f.text: f.disputed for f in conflict.figures} == {
        "110 square miles": False, "about 120 square miles": True,
        "roughly 110 square miles": False}


def _reviewed_group(gid: int, evidence: int, note_words: int) -> GroupReport:
    items = tuple(EvidenceItem(position=n, title=f"Source {gid}.{n}", publisher="Sample Desk", url=None,
                               published=None, quote=None,
                               note=f"Note {gid}.{n}: " + "the map was read again " * note_words)
                  for n in range(1, evidence + 1))
    verdict = VerdictInfo(rating="mostly_false", summary="Short.", rationale="", reviewer=f"Reviewer {gid}",
                          status="approved", version=1, created_at=WHEN, updated_at=WHEN,
                          published_at=None, evidence=items)
    return GroupReport(**{**_group(gid, 1, 1 + gid % 4, 4 + gid % 9).__dict__, "verdict": verdict})


def test_the_reviewed_by_line_is_never_alone_at_the_top_of_a_page(tmp_path: Path) -> None:
    """Sections of every length one after the other: wherever a section ends, its closing
    "Reviewed by" line shares its page with (the end of) the evidence list or, without
    evidence, the appearances table before it."""
    groups = [_reviewed_group(gid, gid % 3, 3 + (gid * 5) % 17) for gid in range(1, 81)]
    pages = _pages(groups, tmp_path / "b.pdf")
    for g in groups:
        line = f"Reviewed by Reviewer {g.id} ·"
        page = next(i for i, text in enumerate(pages) if line in text)
        before = pages[page].split(line)[0]
        assert "the map was read again" in before or "the front line moved" in before, (
            f"group {g.id}: 'Reviewed by' alone at the top of page {page + 1}")
