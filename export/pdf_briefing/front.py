"""The briefing's front matter: the cover with a chart of ratings, and the summary table."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer, Table, TableStyle

from export import markup
from export.data import GroupReport
from export.fonts import BOLD, REGULAR
from export.pdf_briefing.layout import (
    CONTENT_WIDTH,
    HEADER_ROW,
    NOT_FINAL,
    SELECTION_WORDS,
    group_anchor,
    outlined,
    short_text,
)
from export.pdf_briefing.sections import not_final_note
from export.pdf_styles import RULE, badge_fill, badge_paragraph, format_date, styles
from export.publisher import Publisher
from export.ratings import RATING_ORDER, rating_label

# --- cover --------------------------------------------------------------------------------


def rating_counts(groups: Sequence[GroupReport]) -> list[tuple[str | None, int]]:
    """(rating, count) in scale order; "not yet rated" last, only when there are such groups."""
    counts = Counter(g.rating for g in groups)
    rows: list[tuple[str | None, int]] = [(r, counts.get(r, 0)) for r in RATING_ORDER]
    if counts.get(None):
        rows.append((None, counts[None]))
    return rows


def _chart(counts: list[tuple[str | None, int]]) -> Drawing:
    height = 16 * len(counts) + 30
    drawing = Drawing(CONTENT_WIDTH * 0.62, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 78, 18
    chart.width, chart.height = drawing.width - chart.x - 26, height - 26
    # The chart draws its first category at the bottom: reverse so "True" is on top.
    ordered = list(reversed(counts))
    chart.data = [[n for _, n in ordered]]
    chart.categoryAxis.categoryNames = [rating_label(r) for r, _ in ordered]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = max((n for _, n in counts), default=0)
    step = nice_step(top)
    chart.valueAxis.valueStep = step
    # Room after the longest bar for its count label.
    chart.valueAxis.valueMax = step * (int(max(top, 1) * 1.12 / step) + 1)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E6E6E6")
    chart.bars.strokeColor = None
    chart.barWidth = 10
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i, (rating, _) in enumerate(ordered):
        chart.bars[(0, i)].fillColor = badge_fill(rating)
    drawing.add(chart)
    return drawing


def nice_step(top: int, ticks: int = 5) -> int:
    """An axis step of 1, 2 or 5 times a power of ten giving about ``ticks`` gridlines."""
    raw = max(top, 1) / ticks
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return max(1, factor * magnitude)
    return 10 * magnitude


def _counts_table(counts: list[tuple[str | None, int]], total: int) -> Table:
    st = styles()
    rows = [[badge_paragraph(r, 7.5), Paragraph(str(n), st.cell)] for r, n in counts]
    rows.append([Paragraph("<b>Total</b>", st.cell), Paragraph(f"<b>{total}</b>", st.cell)])
    table = Table(rows, colWidths=[30 * mm, 14 * mm], hAlign="RIGHT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, RULE),
    ]
    style += [("BACKGROUND", (0, i), (0, i), badge_fill(r)) for i, (r, _) in enumerate(counts)]
    table.setStyle(TableStyle(style))
    return table


def cover_page(groups: Sequence[GroupReport], publisher: Publisher, title: str, status: str,
           now: dt.datetime) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Spacer(1, 22 * mm),
        outlined(Paragraph(markup.anchor("cover") + markup.text(title), st.cover_title),
                  "Cover", "cover", 0),
        Paragraph(markup.text(publisher.organisation), st.cover_line),
        Paragraph(f"Prepared by {markup.text(publisher.author)}", st.cover_line),
        Paragraph(markup.text(format_date(now)), st.cover_line),
        Spacer(1, 4 * mm),
        Paragraph(f"{markup.text(SELECTION_WORDS.get(status, status))}: "
                  f"{len(groups)} claim group{'s' if len(groups) != 1 else ''}", st.muted),
        Spacer(1, 12 * mm),
        Paragraph("Verdicts at a glance", st.h2),
    ]
    counts = rating_counts(groups)
    if groups:
        row = Table([[_chart(counts), _counts_table(counts, len(groups))]],
                    colWidths=[CONTENT_WIDTH * 0.64, CONTENT_WIDTH * 0.36])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(row)
    else:
        story.append(Paragraph("No claim group matches this selection.", st.body))
    unfinished = sum(1 for g in groups if not_final_note(g))
    if unfinished:
        story += [Spacer(1, 4 * mm), Paragraph(
            f'<font color="{NOT_FINAL}"><b>{unfinished} of these ratings '
            f'{"is" if unfinished == 1 else "are"} not final yet</b></font> (draft, in review or '
            "approved, not published); they are marked so wherever they appear.", st.body)]
    story += [
        Spacer(1, 10 * mm),
        Paragraph("Every rating is shown as a coloured badge with its name written in it. "
                  "Quotes are reproduced exactly as the outlets published them.", st.muted),
        PageBreak(),
    ]
    return story


# --- summary table ------------------------------------------------------------------------


# "#", claim, rating, outlets, status: the number column holds "999" on one line (#17.14).
SUMMARY_WIDTHS = (12 * mm, 76 * mm, 25 * mm, 41 * mm, 20 * mm)


def summary_table(groups: Sequence[GroupReport]) -> list[Flowable]:
    st = styles()
    heading = outlined(Paragraph(markup.anchor("summary") + "Summary of verdicts", st.h1),
                        "Summary of verdicts", "summary", 0)
    if not groups:
        return [heading, Paragraph("No claim group matches this selection.", st.body), PageBreak()]
    rows: list[list[Any]] = [["#", "Claim", "Rating", "Outlets", "Status"]]
    style: list[tuple[Any, ...]] = [
        *HEADER_ROW,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for n, g in enumerate(groups, start=1):
        number = markup.internal_link(group_anchor(g), str(n))
        # The claim links to its section too, but stays in ink: a page of blue is hard to read.
        # A summary row stays a summary: a very long claim is shortened here, whole in its section.
        claim = markup.internal_link(group_anchor(g), markup.text(short_text(g.canonical_text, 400)),
                                     "#1A1A1A")
        rows.append([
            Paragraph(number, st.cell),
            Paragraph(claim, st.cell),
            badge_paragraph(g.rating, 7.5, note=not_final_note(g)),
            Paragraph(markup.text(short_text(", ".join(g.outlets), 300) or "—"), st.cell),
            Paragraph(markup.text(g.status_label), st.cell),
        ])
        style.append(("BACKGROUND", (2, n), (2, n), badge_fill(g.rating)))
        style.append(("VALIGN", (2, n), (2, n), "MIDDLE"))
    table = LongTable(rows, colWidths=SUMMARY_WIDTHS, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(style))
    return [heading, table, PageBreak()]
