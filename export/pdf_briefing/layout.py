"""The briefing's page geometry, fills and small text helpers shared by its parts."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from export import markup
from export.data import GroupReport
from export.fonts import BOLD

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


def outlined(flowable: Flowable, title: str, key: str, level: int) -> Flowable:
    # The destination ``key`` is the <a name> anchor inside the flowable's own markup.
    flowable._claimdesk_outline = (markup.one_line(title), key, level)  # type: ignore[attr-defined]
    return flowable


def short_text(text: str, limit: int) -> str:
    text = markup.one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def group_anchor(group: GroupReport) -> str:
    return f"group-{group.id}"
