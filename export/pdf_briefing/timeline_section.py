"""The "over time" part of a claim group's briefing section: its measure's timeline chart (#19)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.flowables import DocAssign, DocPara

from export import markup
from export.measure_timelines import GroupTimeline
from export.pdf_briefing.layout import CONTENT_WIDTH
from export.pdf_briefing.timeline_drawing import timeline_drawing
from export.pdf_styles import styles
from export.timeline_plot import build_plot

HEIGHT = 62 * mm


def _page_variable(t: GroupTimeline) -> str:
    """The name under which the document notes the page of the measure's chart."""
    return f"measure_chart_page_{int(t.measure_id)}"


def _anchor(t: GroupTimeline) -> str:
    return f"measure-chart-{int(t.measure_id)}"


def timeline_reference(t: GroupTimeline) -> list[Flowable]:
    """One line pointing to the measure's chart, drawn in an earlier section (by
    :func:`timeline_flowables` with ``referable=True``), with the page it fell on."""
    st = styles()
    name = markup.internal_link(_anchor(t), markup.text(t.name)).replace("%", "%%")
    # The page is known when this line is laid out: the chart was placed before it.
    style = ParagraphStyle("chart_reference", parent=st.muted, spaceBefore=4, spaceAfter=2)
    return [DocPara(_page_variable(t), f"Over time: see the chart of {name} on page %(__expr__)s.",
                    style=style, escape=False)]


def timeline_flowables(t: GroupTimeline, referable: bool = False) -> list[Flowable]:
    """Heading, chart and a one-line key for one measure's timeline; ``referable``: later
    sections refer to it (:func:`timeline_reference`), so it gets an anchor and notes its page."""
    st = styles()
    plot = build_plot(t.points, t.references, t.unit)
    drawing: Drawing = timeline_drawing(plot, CONTENT_WIDTH, HEIGHT)
    outlets = len(plot.outlets)
    note = (f"{len(plot.points)} dated value{'s' if len(plot.points) != 1 else ''} from "
            f"{outlets} outlet{'s' if outlets != 1 else ''}")
    # The key names only what the chart draws.
    if any(p.high > p.low for p in plot.points):
        note += "; bars show each claim's stated interval"
    if any(p.conflicting for p in plot.points):
        note += "; a ring marks a figure that conflicts with another"
    if plot.bands:
        note += "; the dashed line and band are the reference figure(s) on record"
    note += (". Drawn from the published checks only." if t.published_only
             else ". Drawn from the database as it was when this briefing was made.")
    anchor = markup.anchor(_anchor(t)) if referable else ""
    chart: list[Flowable] = [KeepTogether([
        Paragraph(f"{anchor}Over time: {markup.text(t.name)}", st.label),
        drawing,
        Paragraph(markup.text(note), st.muted),
    ])]
    if referable:  # after the chart, so it notes the page the chart was moved to, if it was
        chart.append(DocAssign(_page_variable(t), "doc.page"))
    return chart
