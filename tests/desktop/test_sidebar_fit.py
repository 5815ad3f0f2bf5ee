"""#17.14: the sidebar shows no horizontal scrollbar at the window's own width, counts included."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from desktop.sidebar import Sidebar  # noqa: E402
from storage.queries import ReviewCounts  # noqa: E402


def test_no_horizontal_scrollbar_at_the_default_width(qtbot):
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.set_counts(ReviewCounts(articles=12_345, claims=123_456, proposed=98_765))
    bar.resize(170, 700)  # the main splitter's first size
    bar.show()
    qtbot.waitExposed(bar)
    assert not bar.horizontalScrollBar().isVisible()
    bar.grab()  # paints every row: the elided names and the counts
