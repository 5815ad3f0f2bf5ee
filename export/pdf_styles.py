"""Shared PDF pieces: paragraph styles, the rating badge, and pages numbered "Page X of Y"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from export import markup
from export.fonts import BOLD, ITALIC, REGULAR, register_fonts
from export.ratings import badge_colours, rating_label

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#BFBFBF")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    label_alone: ParagraphStyle  # a label whose page break the section works out itself
    quote: ParagraphStyle
    cell: ParagraphStyle
    labelled: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    claim: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    numbered: ParagraphStyle


@cache
def styles() -> Styles:
    """The style sheet (DejaVu throughout; ``splitLongWords`` wraps 200-letter words and URLs)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK,
                          splitLongWords=1, spaceAfter=3)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        body=base,
        small=small,
        muted=ParagraphStyle("muted", parent=small, textColor=MUTED),
        label=ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=8.5, leading=11,
                             textColor=MUTED, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        label_alone=ParagraphStyle("label_alone", parent=base, fontName=BOLD, fontSize=8.5,
                                   leading=11, textColor=MUTED, spaceBefore=6, spaceAfter=2),
        quote=ParagraphStyle("quote", parent=base, fontName=ITALIC),
        cell=ParagraphStyle("cell", parent=small, leading=10.5),
        labelled=ParagraphStyle("labelled", parent=base, spaceBefore=5),
        h1=ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=16, leading=20,
                          spaceBefore=4, spaceAfter=8),
        h2=ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=12, leading=15,
                          spaceBefore=2, spaceAfter=4),
        claim=ParagraphStyle("claim", parent=base, fontName=BOLD, fontSize=11.5, leading=15,
                             spaceAfter=4),
        cover_title=ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=26,
                                   leading=31, spaceAfter=10),
        cover_line=ParagraphStyle("cover_line", parent=base, fontSize=11, leading=15, spaceAfter=1),
        numbered=ParagraphStyle("numbered", parent=base, leftIndent=7 * mm,
                                firstLineIndent=-7 * mm, spaceAfter=4),
    )


@cache
def _badge_style(rating: str | None, font_size: float) -> ParagraphStyle:
    _, text = badge_colours(rating)
    return ParagraphStyle(f"badge-{rating}-{font_size}", fontName=BOLD, fontSize=font_size,
                          leading=font_size * 1.25, alignment=TA_CENTER,
                          textColor=colors.HexColor(text))


def badge_paragraph(rating: str | None, font_size: float = 8, note: str | None = None) -> Paragraph:
    """The rating's words in the badge's text colour (for a table cell filled with the colour);
    ``note`` goes on a second, smaller line (e.g. "draft": a rating that is not final)."""
    text = markup.text(rating_label(rating))
    if note:
        text += f'<br/><font size="{font_size * 0.85:.1f}">({markup.text(note)})</font>'
    return Paragraph(text, _badge_style(rating, font_size))


def badge_fill(rating: str | None) -> colors.Color:
    return colors.HexColor(badge_colours(rating)[0])


def rating_badge(rating: str | None, *, font_size: float = 10, width: float = 42 * mm) -> Table:
    """A filled box with the rating's words in it: colour and text, never colour alone."""
    pad = font_size * 0.45
    table = Table([[badge_paragraph(rating, font_size)]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), badge_fill(rating)),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def format_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "date unknown"
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.day} {value:%B %Y}"


def format_time(value: dt.datetime) -> str:
    """A generation time with its UTC offset, so a reader abroad knows which day it was."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    offset = value.strftime("%z")
    return f"{format_date(value)}, {value:%H:%M} UTC{offset[:3]}:{offset[3:]}"


PageDecorator = Callable[[Canvas, int], None]
PAGE_TOTAL_FORM = "claimdesk-page-total"


def draw_page_total(canvas: Canvas, x: float, y: float) -> None:
    """Place the page count (known only when the document ends) at ``x, y``."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(PAGE_TOTAL_FORM)
    canvas.restoreState()


def numbered_canvas(decorate: PageDecorator, font: str, size: float) -> type[Canvas]:
    """A canvas class whose pages can say "Page X of Y": ``decorate(canvas, page_number)``
    draws each page's header and footer and calls :func:`draw_page_total` where Y goes. Y is
    a form XObject filled in when the document is saved, so pages are written as they are
    finished (links and outline entries keep pointing at the right page) and the document is
    laid out once, not twice."""

    class _NumberedCanvas(Canvas):
        page_count = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_number = 0

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_number += 1
            decorate(self, self._page_number)
            super().showPage()

        def save(self) -> None:
            type(self).page_count = self._page_number
            self.beginForm(PAGE_TOTAL_FORM)
            self.setFont(font, size)
            self.drawString(0, 0, str(self._page_number))
            self.endForm()
            super().save()

    return _NumberedCanvas
