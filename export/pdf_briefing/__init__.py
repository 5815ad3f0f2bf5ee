"""The PDF verdict briefing: cover with a chart of ratings, summary table, one section per group.

By concern: the page geometry and fills (``layout``), the cover and summary (``front``), one
section per claim group (``sections``), and the document that puts them on numbered pages
(``document``).
"""

from __future__ import annotations

from export.pdf_briefing.document import BriefingResult, build_briefing, write_briefing

__all__ = [
    "BriefingResult",
    "build_briefing",
    "write_briefing",
]
