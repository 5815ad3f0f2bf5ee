"""#17.14: the briefing's summary table gives its "#" column room for three-digit numbers
(a 500-group briefing printed "13/3" over two lines)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from export.pdf_briefing import front as pdf_briefing  # the summary table is front matter
from export.pdf_styles import styles


def test_three_digit_row_numbers_fit_on_one_line():
    width = pdf_briefing.SUMMARY_WIDTHS[0]
    padding = 12  # reportlab's default cell padding, 6 pt each side
    for number in ("99", "133", "999"):
        para = Paragraph(number, styles().cell)
        para.wrap(width - padding, 100)
        assert len(para.blPara.lines) == 1, number
    assert abs(sum(pdf_briefing.SUMMARY_WIDTHS) - sum([9, 79, 25, 41, 20]) * 72 / 25.4) < 0.01
