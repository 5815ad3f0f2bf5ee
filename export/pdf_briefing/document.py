"""The briefing as a document: its pages, bookmarks and running header, built and written out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from export import markup
from export.data import GroupReport
from export.fonts import BOLD, REGULAR
from export.paths import atomic_output
from export.pdf_briefing.front import cover_page, summary_table
from export.pdf_briefing.layout import (
    BOTTOM,
    CONTENT_WIDTH,
    HEADER_FILL,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SELECTION_WORDS,
    TOP,
    outlined,
)
from export.pdf_briefing.sections import corrections_section, group_section
from export.pdf_styles import (
    MUTED,
    RULE,
    PageDecorator,
    draw_page_total,
    format_time,
    numbered_canvas,
    styles,
)
from export.publisher import Publisher


@dataclass(frozen=True)
class BriefingResult:
    path: Path
    groups: int
    pages: int
    size: int


class _BriefingDoc(SimpleDocTemplate):
    """Adds an outline entry for every flowable that carries one (set by :func:`outlined`)."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        entry = getattr(flowable, "_claimdesk_outline", None)
        if entry is not None:
            title, key, level = entry
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


# --- page furniture and assembly ----------------------------------------------------------


def _decorator(publisher: Publisher, title: str, now: dt.datetime) -> PageDecorator:
    st = styles()
    generated = f"Generated {format_time(now)}"
    corrections = markup.text(publisher.corrections_line)
    head = markup.one_line(f"{publisher.organisation} — {title}")

    def decorate(canvas: Canvas, page: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        if page == 1:
            canvas.showOutline()  # open the viewer with the bookmarks panel
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(0, PAGE_HEIGHT - 30 * mm, PAGE_WIDTH, 30 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(BOLD, 11)
            canvas.drawString(MARGIN, PAGE_HEIGHT - 17 * mm, "FACT-CHECK BRIEFING")
            canvas.setFont(REGULAR, 9)
            canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 17 * mm, generated)
            canvas.setFillColor(MUTED)
        else:
            canvas.setFont(REGULAR, 7.5)
            y = PAGE_HEIGHT - TOP + 8 * mm
            # Clip a very long organisation or title rather than run into the time.
            shown = head
            while shown and canvas.stringWidth(shown, REGULAR, 7.5) > CONTENT_WIDTH * 0.62:
                shown = shown[:-2] + "…" if len(shown) > 2 else ""
            canvas.drawString(MARGIN, y, shown)
            canvas.drawRightString(PAGE_WIDTH - MARGIN, y, generated)
            canvas.line(MARGIN, y - 2 * mm, PAGE_WIDTH - MARGIN, y - 2 * mm)
        canvas.line(MARGIN, BOTTOM - 6 * mm, PAGE_WIDTH - MARGIN, BOTTOM - 6 * mm)
        foot = Paragraph(corrections, st.muted)
        _, h = foot.wrap(CONTENT_WIDTH * 0.78, 20 * mm)
        foot.drawOn(canvas, MARGIN, BOTTOM - 8 * mm - h)
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(colors.black)
        # Left-aligned at a fixed place: the total's width is unknown until the end.
        label = f"Page {page} of "
        x = PAGE_WIDTH - MARGIN - canvas.stringWidth("Page 8888 of 8888", BOLD, 8)
        y = BOTTOM - 8 * mm - 8
        canvas.drawString(x, y, label)
        draw_page_total(canvas, x + canvas.stringWidth(label, BOLD, 8), y)
        canvas.restoreState()

    return decorate


def build_briefing(
    groups: Sequence[GroupReport],
    out: IO[bytes],
    *,
    publisher: Publisher,
    title: str | None = None,
    status: str = "published",
    now: dt.datetime | None = None,
) -> int:
    """Write the briefing PDF to ``out``; returns its page count."""
    now = now or dt.datetime.now().astimezone()
    title = markup.one_line(title) or "Verdict briefing"
    selection = SELECTION_WORDS.get(status, status)
    doc = _BriefingDoc(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
        bottomMargin=BOTTOM, title=title, author=markup.one_line(publisher.author),
        subject=f"{selection}: {len(groups)} claim groups, {publisher.organisation}",
        creator="Claimdesk", keywords=["fact check", "verdicts", "claimreview"],
        lang="en",
    )
    story = cover_page(groups, publisher, title, status, now) + summary_table(groups)
    story += corrections_section(groups)
    if groups:
        st = styles()
        story.append(outlined(Paragraph(markup.anchor("claims") + "Claims in detail", st.h1),
                               "Claims in detail", "claims", 0))
        included = frozenset(g.id for g in groups)
        charts: dict[int, object] = {}  # each measure's chart is drawn once, then referred to
        for n, g in enumerate(groups, start=1):
            story += group_section(g, n, included, charts)
    canvas_class = numbered_canvas(_decorator(publisher, title, now), BOLD, 8)
    doc.build(story, canvasmaker=canvas_class)
    return canvas_class.page_count  # type: ignore[attr-defined]


def write_briefing(
    groups: Sequence[GroupReport],
    path: Path,
    *,
    publisher: Publisher,
    title: str | None = None,
    status: str = "published",
    now: dt.datetime | None = None,
) -> BriefingResult:
    """Build the briefing into ``path`` atomically (no partial file if anything fails)."""
    with atomic_output(path) as fh:
        pages = build_briefing(groups, fh, publisher=publisher, title=title, status=status,
                               now=now)
    final = Path(path).expanduser().resolve()
    return BriefingResult(path=final, groups=len(groups), pages=pages, size=final.stat().st_size)
