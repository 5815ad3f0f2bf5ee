"""A one-page verdict card for one claim group: the claim, the rating badge, the short verdict."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph, Spacer
from reportlab.platypus.doctemplate import LayoutError

from export import markup
from export.also_checked import also_checked_line
from export.data import GroupReport
from export.fonts import BOLD, REGULAR, register_fonts
from export.paths import atomic_output
from export.pdf_styles import INK, MUTED, format_date, rating_badge, styles
from export.publisher import Publisher

# Square: what social networks show uncropped, and it fits a press release column.
CARD_SIZE = (150 * mm, 150 * mm)
_MARGIN = 10 * mm
_BAND = 16 * mm
_BOTTOM = 5 * mm
BAND_FILL = colors.HexColor("#33414E")


@dataclass(frozen=True)
class CardResult:
    path: Path
    size: int


def _outlets_line(group: GroupReport) -> str:
    outlets = group.outlets
    if not outlets:
        return "No appearance recorded"
    shown = ", ".join(outlets[:3])
    more = len(outlets) - 3
    tail = f" and {more} other outlet{'s' if more != 1 else ''}" if more > 0 else ""
    return f"As published by {shown}{tail}"


def _body(group: GroupReport, scale: float = 1.0) -> list[Flowable]:
    st = styles()
    claim_style = ParagraphStyle("card_claim", parent=st.body, fontName=BOLD, fontSize=17 * scale,
                                 leading=22 * scale, alignment=TA_LEFT, spaceAfter=4)
    summary_style = ParagraphStyle("card_summary", parent=st.body, fontSize=11.5 * scale,
                                   leading=15 * scale)
    v = group.verdict
    story: list[Flowable] = [
        Paragraph("THE CLAIM", st.label),
        Paragraph(f"“{markup.text(group.canonical_text)}”", claim_style),
        Paragraph(markup.text(_outlets_line(group)), st.muted),
        Spacer(1, 5 * mm),
        rating_badge(group.rating, font_size=18 * scale, width=CARD_SIZE[0] - 2 * _MARGIN),
        Spacer(1, 4 * mm),
    ]
    if v and v.summary.strip():
        story.append(Paragraph(markup.multiline(v.summary), summary_style))
    if group.also_checked:
        story.append(Paragraph(markup.text(also_checked_line(group.also_checked)), st.muted))
    story += _corrections(group)
    if v is None or v.status != "published":
        state = "no verdict yet" if v is None else f"{group.status_label.lower()}, not final"
        story.append(Paragraph(f'<font color="#8E1B1B"><b>Verdict {markup.text(state)}.</b></font>',
                               st.small))
    return story


def _corrections(group: GroupReport) -> list[Flowable]:
    """"Corrected on …: reason" for each correction of the verdict, latest last."""
    v = group.verdict
    if v is None or not v.corrections:
        return []
    st = styles()
    return [Spacer(1, 2 * mm), *(Paragraph(
        f'<font color="#8E1B1B"><b>Corrected on {markup.text(format_date(c.at))}</b></font>: '
        f"{markup.text(c.reason or 'no reason recorded')}", st.small) for c in v.corrections)]


def _fitted_body(group: GroupReport, width: float, height: float) -> Flowable:
    """The body at the largest type size that fits (a short claim fills the card); a very long
    one is shrunk to fit, so the card is always one page."""
    for scale in (1.5, 1.3, 1.15, 1.0):
        content = KeepInFrame(width, height, _body(group, scale), mode="error")
        try:
            content.wrapOn(Canvas(io.BytesIO()), width, height)
        except LayoutError:
            continue
        return content
    return KeepInFrame(width, height, _body(group), mode="shrink")


def build_verdict_card(group: GroupReport, out: IO[bytes], *, publisher: Publisher,
                       now: dt.datetime | None = None) -> None:
    """Draw the card for ``group`` onto one page written to ``out``; whatever the length of
    the claim or summary, it is shrunk to fit that page."""
    register_fonts()
    now = now or dt.datetime.now().astimezone()
    width, height = CARD_SIZE
    canvas = Canvas(out, pagesize=CARD_SIZE, initialFontName=REGULAR)
    canvas.setTitle(f"Fact check: {markup.one_line(group.canonical_text)[:120]}")
    canvas.setAuthor(markup.one_line(publisher.organisation))
    canvas.setSubject(f"{group.rating_label}: verdict card for claim group {group.id}")
    canvas.setCreator("Claimdesk")

    canvas.setFillColor(BAND_FILL)
    canvas.rect(0, height - _BAND, width, _BAND, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, 10)
    org = markup.one_line(publisher.organisation)
    while org and canvas.stringWidth(org, BOLD, 10) > width * 0.62:
        org = org[:-2] + "…" if len(org) > 2 else ""
    canvas.drawString(_MARGIN, height - _BAND + 6 * mm, org)
    canvas.drawRightString(width - _MARGIN, height - _BAND + 6 * mm, "FACT CHECK")

    # The footer first: its height (long organisation names wrap) decides where the body ends.
    v = group.verdict
    st = styles()
    who = f"Reviewed by {markup.text(v.reviewer)}" if v and v.reviewer else "Reviewer not named"
    when = (v.published_at or v.updated_at) if v else now
    foot = Paragraph(
        f"{who} · {markup.text(format_date(when))} · claim group #{group.id}<br/>"
        f"{markup.text(publisher.corrections_line)}", st.muted)
    _, foot_h = foot.wrap(width - 2 * _MARGIN, 30 * mm)
    foot.drawOn(canvas, _MARGIN, _BOTTOM)
    rule_y = _BOTTOM + foot_h + 2 * mm
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    canvas.line(_MARGIN, rule_y, width - _MARGIN, rule_y)

    body_bottom = rule_y + 3 * mm
    frame = Frame(_MARGIN, body_bottom, width - 2 * _MARGIN, height - _BAND - 4 * mm - body_bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.addFromList([_fitted_body(group, frame._aW, frame._aH)], canvas)
    canvas.setFillColor(INK)
    canvas.showPage()
    canvas.save()


def write_verdict_card(group: GroupReport, path: Path, *, publisher: Publisher,
                       now: dt.datetime | None = None) -> CardResult:
    """The card written atomically to ``path``."""
    with atomic_output(path) as fh:
        build_verdict_card(group, fh, publisher=publisher, now=now)
    final = Path(path).expanduser().resolve()
    return CardResult(path=final, size=final.stat().st_size)
