"""The PDF verdict briefing: cover with a chart of ratings, summary table, one section per group."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from export import markup
from export.also_checked import also_checked_flowables
from export.data import Correction, GroupReport
from export.fonts import BOLD, REGULAR
from export.paths import atomic_output
from export.pdf_styles import (
    MUTED,
    RULE,
    PageDecorator,
    badge_fill,
    badge_paragraph,
    draw_page_total,
    format_date,
    format_time,
    numbered_canvas,
    styles,
)
from export.publisher import Publisher
from export.ratings import RATING_ORDER, rating_label

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 22 * mm
BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_FILL = colors.HexColor("#33414E")
CONFLICT_FILL = colors.HexColor("#FFF4E5")
CONFLICT_EDGE = colors.HexColor("#E07B24")
NOT_FINAL = "#8E1B1B"
# Header cells are plain strings styled here: a Paragraph per header cell per group adds up.
HEADER_ROW: list[tuple[Any, ...]] = [
    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("FONTSIZE", (0, 0), (-1, 0), 8),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
]

SELECTION_WORDS = {
    "published": "Published verdicts",
    "approved": "Approved and published verdicts",
    "all": "All claim groups, including those not yet rated",
}


@dataclass(frozen=True)
class BriefingResult:
    path: Path
    groups: int
    pages: int
    size: int


class _BriefingDoc(SimpleDocTemplate):
    """Adds an outline entry for every flowable that carries one (set by :func:`_outlined`)."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        entry = getattr(flowable, "_claimdesk_outline", None)
        if entry is not None:
            title, key, level = entry
            self.canv.addOutlineEntry(title, key, level=level, closed=False)


def _outlined(flowable: Flowable, title: str, key: str, level: int) -> Flowable:
    # The destination ``key`` is the <a name> anchor inside the flowable's own markup.
    flowable._claimdesk_outline = (markup.one_line(title), key, level)  # type: ignore[attr-defined]
    return flowable


def _short(text: str, limit: int) -> str:
    text = markup.one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def group_anchor(group: GroupReport) -> str:
    return f"group-{group.id}"


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


def _cover(groups: Sequence[GroupReport], publisher: Publisher, title: str, status: str,
           now: dt.datetime) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Spacer(1, 22 * mm),
        _outlined(Paragraph(markup.anchor("cover") + markup.text(title), st.cover_title),
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
    unfinished = sum(1 for g in groups if _not_final(g))
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


def _summary(groups: Sequence[GroupReport]) -> list[Flowable]:
    st = styles()
    heading = _outlined(Paragraph(markup.anchor("summary") + "Summary of verdicts", st.h1),
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
        claim = markup.internal_link(group_anchor(g), markup.text(_short(g.canonical_text, 400)),
                                     "#1A1A1A")
        rows.append([
            Paragraph(number, st.cell),
            Paragraph(claim, st.cell),
            badge_paragraph(g.rating, 7.5, note=_not_final(g)),
            Paragraph(markup.text(_short(", ".join(g.outlets), 300) or "—"), st.cell),
            Paragraph(markup.text(g.status_label), st.cell),
        ])
        style.append(("BACKGROUND", (2, n), (2, n), badge_fill(g.rating)))
        style.append(("VALIGN", (2, n), (2, n), "MIDDLE"))
    table = LongTable(rows, colWidths=SUMMARY_WIDTHS, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(style))
    return [heading, table, PageBreak()]


# --- one section per claim group ----------------------------------------------------------


def _appearances(g: GroupReport) -> list[Flowable]:
    st = styles()
    if not g.appearances:
        return [Paragraph("No appearance recorded.", st.muted)]
    rows: list[list[Any]] = [["Outlet", "Exact quote and source"]]
    for a in g.appearances:
        left = f"<b>{markup.text(a.outlet)}</b><br/>{markup.text(format_date(a.published))}"
        if a.article_title:
            left += f"<br/><i>{markup.text(a.article_title)}</i>"
        right = f"“{markup.text(a.sentence)}”"
        right += "<br/>" + (f"<font size=7>{markup.link(a.url)}</font>" if a.url
                            else '<font size=7 color="#5A5A5A">no URL recorded</font>')
        rows.append([Paragraph(left, st.cell), Paragraph(right, st.cell)])
    table = Table(rows, colWidths=[48 * mm, CONTENT_WIDTH - 48 * mm], repeatRows=1,
                  splitInRow=1)
    table.setStyle(TableStyle([
        *HEADER_ROW,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]))
    return [table]


def _conflicts(g: GroupReport, included: frozenset[int]) -> list[Flowable]:
    """Inside the group: one small table per quantity, a row per appearance with the figures
    it gives, so the disagreeing ones (bold, marked ≠) can be read side by side. Then the other
    claim groups that matching found contradicting this one."""
    st = styles()
    out: list[Flowable] = [Paragraph("Conflicting figures", st.label)]
    if g.conflicts:
        out += [Paragraph("The appearances give different figures for the same quantity; "
                          "figures that no other appearance supports are marked ≠.", st.muted),
                Spacer(1, 2)]
    outlets = {a.claim_id: a for a in g.appearances}
    for c in g.conflicts:
        what = " · ".join(x for x in (c.kind, c.unit) if x) or "figure"
        rows: list[list[Any]] = [[Paragraph(f"<b>{markup.text(what)}</b>", st.cell), "", ""]]
        by_claim: dict[int, list[str]] = {}
        for f in c.figures:
            shown = markup.text(f.text)
            by_claim.setdefault(f.claim_id, []).append(f"<b>≠ {shown}</b>" if f.disputed else shown)
        for claim_id, figures in by_claim.items():
            a = outlets.get(claim_id)
            rows.append([Paragraph(", ".join(figures), st.cell),
                         Paragraph(markup.text(a.outlet if a else ""), st.cell),
                         Paragraph(markup.text(format_date(a.published if a else None)), st.cell)])
        table = Table(rows, colWidths=[70 * mm, 64 * mm, CONTENT_WIDTH - 134 * mm], splitInRow=1)
        table.setStyle(TableStyle([
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, -1), CONFLICT_FILL),
            ("BOX", (0, 0), (-1, -1), 0.6, CONFLICT_EDGE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        out += [table, Spacer(1, 3)]
    for other in g.conflicting_groups:
        name = f"claim group #{other.group_id}"
        if other.group_id in included:  # a link only to a section this briefing has
            name = markup.internal_link(f"group-{other.group_id}", name)
        text = (f"Contradicted by {name} ({markup.text(rating_label(other.rating).lower())}): "
                f"“{markup.text(other.canonical_text)}”")
        if other.outlets:
            text += f" — {markup.text(', '.join(other.outlets))}"
        if other.differing:
            pairs = "; ".join(f"<b>{markup.text(a)}</b> ≠ <b>{markup.text(b)}</b>"
                              for a, b in other.differing)
            text += f"<br/>Figures that differ: {pairs}"
        out.append(_Boxed(Paragraph(text, st.cell)))
    return out


class _Boxed(Table):
    """A paragraph in the orange conflict box."""

    def __init__(self, content: Flowable) -> None:
        super().__init__([[content]], colWidths=[CONTENT_WIDTH])
        self.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), CONFLICT_FILL),
            ("BOX", (0, 0), (-1, -1), 0.6, CONFLICT_EDGE),
        ]))
        self.spaceAfter = 3


def _evidence(g: GroupReport) -> list[Flowable]:
    st = styles()
    assert g.verdict is not None
    out: list[Flowable] = [Paragraph("Evidence", st.label)]
    for n, e in enumerate(g.verdict.evidence, start=1):
        parts = [f"<b>{markup.text(e.title) or 'Untitled source'}</b>"]
        source = ", ".join(x for x in (markup.text(e.publisher), markup.text(
            format_date(e.published)) if e.published else "") if x)
        if source:
            parts.append(f" — {source}.")
        if e.url:
            parts.append(f"<br/><font size=7.5>{markup.link(e.url)}</font>")
        if e.quote:
            parts.append(f"<br/><i>“{markup.text(e.quote)}”</i>")
        if e.note:
            parts.append(f"<br/>{markup.multiline(e.note)}")
        out.append(Paragraph(f"[{n}]&nbsp;&nbsp;" + "".join(parts), st.numbered))
    return out


def _reviewed_line(g: GroupReport) -> str:
    v = g.verdict
    if v is None:
        return "No verdict yet: this claim group has not been reviewed."
    bits = [f"Reviewed by {markup.text(v.reviewer) or 'an unnamed reviewer'}",
            f"verdict opened {markup.text(format_date(v.created_at))}",
            f"last changed {markup.text(format_date(v.updated_at))}"]
    if v.published_at:
        bits.append(f"published {markup.text(format_date(v.published_at))}")
    bits.append(f"status: {markup.text(g.status_label)} (version {v.version})")
    return " · ".join(bits)


def group_section(g: GroupReport, number: int, included: frozenset[int] = frozenset()) -> list[Flowable]:
    """The flowables of one claim group's section; ``included`` are the ids of the groups the
    document has sections for (links go only there)."""
    st = styles()
    anchor = group_anchor(g)
    heading = _outlined(
        Paragraph(f"{markup.anchor(anchor)}{number}.&nbsp; {markup.text(g.canonical_text)}",
                  st.claim),
        f"{number}. {rating_label(g.rating)}: {_short(g.canonical_text, 90)}", anchor, 1,
    )
    facts = [f"Claim group #{g.id}"]
    if g.category:
        facts.append(f"category: {markup.text(g.category)}")
    n_out = len(g.outlets)
    facts.append(f"{len(g.appearances)} appearance{'s' if len(g.appearances) != 1 else ''} "
                 f"in {n_out} outlet{'s' if n_out != 1 else ''}")
    top: list[Flowable] = [
        _Rule() if number > 1 else Spacer(1, 1),
        heading,
        _badge_row(g),
        Spacer(1, 3),
        Paragraph(" · ".join(facts), st.muted),
    ]
    # CondPageBreak keeps the heading, badge and facts with what follows (cheaper than
    # KeepTogether, which lays its content out twice).
    story: list[Flowable] = [CondPageBreak(60 * mm), *top, *correction_notes(g)]
    v = g.verdict
    if v and v.summary.strip():
        story.append(_labelled("Summary", markup.multiline(v.summary)))
    if v and v.rationale.strip():
        paragraphs = [p for p in markup.clean(v.rationale).split("\n\n") if p.strip()]
        story.append(_labelled("Rationale", markup.multiline(paragraphs[0])))
        story += [Paragraph(markup.multiline(p), st.body) for p in paragraphs[1:]]
    story += [Paragraph("Appearances", st.label), *_appearances(g)]
    if g.has_conflicts:
        story += _conflicts(g, included)
    if v and v.evidence:
        story += _evidence(g)
    story += also_checked_flowables(g.also_checked)
    story += [Spacer(1, 4), Paragraph(_reviewed_line(g), st.muted), Spacer(1, 4 * mm)]
    return story


# --- corrections (#17.2: an open corrections policy) ---------------------------------------


def correction_line(c: Correction) -> str:
    """"Corrected on 6 December 2026: reason" as markup."""
    return (f"<b>Corrected on {markup.text(format_date(c.at))}</b>: "
            f"{markup.text(c.reason or 'no reason recorded')}")


def _rating_change(c: Correction) -> str:
    if c.rating == c.previous_rating:
        return f"(rating unchanged: {rating_label(c.rating)})"
    return f"(rating {rating_label(c.previous_rating)} → {rating_label(c.rating)})"


def correction_notes(g: GroupReport) -> list[Flowable]:
    """The corrections of one group's verdict, under its badge."""
    v = g.verdict
    if v is None or not v.corrections:
        return []
    st = styles()
    return [Spacer(1, 2), *(Paragraph(correction_line(c), st.small) for c in v.corrections)]


def corrections_section(groups: Sequence[GroupReport]) -> list[Flowable]:
    """A "Corrections" section listing every correction of the briefing's verdicts, newest
    first, each with its reason and the rating it gave; nothing when there are none."""
    found = [(c, n, g) for n, g in enumerate(groups, start=1) if g.verdict
             for c in g.verdict.corrections]
    if not found:
        return []
    st = styles()
    story: list[Flowable] = [
        _outlined(Paragraph(markup.anchor("corrections") + "Corrections", st.h1),
                  "Corrections", "corrections", 0),
        Paragraph("Verdicts changed after they were published. The earlier versions are kept "
                  "and can be read in Claimdesk (claimdesk verdict ID --show).", st.muted),
        Spacer(1, 3 * mm),
    ]
    for c, n, g in sorted(found, key=lambda item: item[0].at, reverse=True):
        link = markup.internal_link(group_anchor(g), f"{n}. claim group #{g.id}")
        story.append(Paragraph(
            f"{link} — “{markup.text(_short(g.canonical_text, 120))}”<br/>"
            f"{correction_line(c)} {markup.text(_rating_change(c))}",
            st.body))
        story.append(Spacer(1, 2 * mm))
    story.append(PageBreak())
    return story


def _labelled(label: str, body_markup: str) -> Paragraph:
    """A grey label line and its text in one paragraph (half the paragraphs to lay out)."""
    return Paragraph(f'<font name="{BOLD}" size="8.5" color="#5A5A5A">{label}</font><br/>'
                     f"{body_markup}", styles().labelled)


def _not_final(g: GroupReport) -> str | None:
    """"draft", "in review", "approved" for a rating that is not published yet, else None."""
    if g.verdict is None or g.rating is None or g.verdict.status == "published":
        return None
    return g.status_label.lower()


def _badge_row(g: GroupReport) -> Table:
    """The badge, and beside it whether the verdict is final: a draft rating handed to a
    minister must not look like a published one."""
    st = styles()
    v = g.verdict
    if v is None:
        note = "No verdict yet"
    elif v.status == "published":
        note = "Published verdict"
    else:
        note = f'<font color="{NOT_FINAL}"><b>{markup.text(g.status_label)}: not final</b></font>'
    # One flat table (badge cell filled with the rating colour): a nested badge table per
    # group costs a second layout pass for every section of a 500-group briefing.
    row = Table([[badge_paragraph(g.rating, 10), Paragraph(note, st.small)]],
                colWidths=[42 * mm, CONTENT_WIDTH - 42 * mm], hAlign="LEFT")
    row.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, 0), badge_fill(g.rating)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (0, 0), 4.5),
        ("BOTTOMPADDING", (0, 0), (0, 0), 4.5),
        ("LEFTPADDING", (1, 0), (1, 0), 8),
    ]))
    return row


class _Rule(Flowable):
    """A thin line between claim sections."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, 5 * mm

    def draw(self) -> None:
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", 0):
            return  # a separator at the top of a page separates nothing
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 4 * mm, self._width, 4 * mm)


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
    story = _cover(groups, publisher, title, status, now) + _summary(groups)
    story += corrections_section(groups)
    if groups:
        st = styles()
        story.append(_outlined(Paragraph(markup.anchor("claims") + "Claims in detail", st.h1),
                               "Claims in detail", "claims", 0))
        included = frozenset(g.id for g in groups)
        for n, g in enumerate(groups, start=1):
            story += group_section(g, n, included)
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


