"""The "over time" part of a claim group's briefing section: its measure's timeline chart (#19)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from export import markup
from export.measure_timelines import GroupTimeline
from export.pdf_briefing.layout import CONTENT_WIDTH
from export.pdf_briefing.timeline_drawing import timeline_drawing
from export.pdf_styles import styles
from export.timeline_plot import build_plot

HEIGHT = 62 * mm


def timeline_flowables(t: GroupTimeline) -> list[Flowable]:
    """Heading, chart and a one-line key for one measure's timeline."""
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
    return [KeepTogether([
        Paragraph(f"Over time: {markup.text(t.name)}", st.label),
        drawing,
        Paragraph(markup.text(note), st.muted),
    ])]
