"""The timeline chart (#19): what it plots from a measure's points, hover and click, PNG and SVG."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QPointF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from desktop.timeline_chart import ChartExportError, TimelineChart, hover_text  # noqa: E402
from desktop.timeline_painter import Colours  # noqa: E402
from export.timeline_plot import build_plot, colour_of, shape_of  # noqa: E402


@dataclass(frozen=True)
class Point:
    claim_id: int
    date: dt.date | None
    value: float | None
    low: float
    high: float
    outlet: str
    sentence: str
    conflicting: bool = False


@dataclass(frozen=True)
class Ref:
    value: float | None
    low: float
    high: float
    as_of: dt.date
    source_title: str


def share(claim_id: int, day: dt.date | None, value: float, outlet: str, spread: float = 0.0,
          conflicting: bool = False) -> Point:
    return Point(claim_id, day, value, value - spread, value + spread, outlet,
                 f"Our sample says {value} per cent is held.", conflicting)


POINTS = [
    share(1, dt.date(2022, 6, 1), 20.0, "North Ledger", 1.0),
    share(2, dt.date(2024, 3, 1), 18.0, "Harbour Post"),
    share(3, dt.date(2025, 5, 1), 25.0, "North Ledger", 2.0, conflicting=True),
    share(4, None, 19.0, "Plain Wire"),
]


def test_each_dated_claim_is_a_point_with_its_interval_and_outlet_style() -> None:
    plot = build_plot(POINTS, unit="percent")
    assert [p.claim_id for p in plot.points] == [1, 2, 3]  # by date
    assert plot.undated == 1  # the claim without a date is counted, not drawn
    first = plot.points[0]
    assert (first.low, first.y, first.high) == (19.0, 20.0, 21.0)
    assert first.label("percent") == "19 % – 21 %"
    # The outlet with most points gets the first style; each outlet keeps one style.
    assert plot.outlets == (("North Ledger", 0), ("Harbour Post", 1))
    assert {p.style for p in plot.points if p.outlet == "North Ledger"} == {0}
    assert shape_of(0) != shape_of(1) and colour_of(0) != colour_of(1)
    assert [p.conflicting for p in plot.points] == [False, False, True]
    # Every value and the whole interval fit inside the axis.
    assert plot.y_min <= 18.0 and plot.y_max >= 27.0
    assert plot.x_min < dt.date(2022, 6, 1).toordinal() < dt.date(2025, 5, 1).toordinal() < plot.x_max
    assert [t.label for t in plot.x_ticks] == ["Jul 2022", "Jan 2023", "Jul 2023", "Jan 2024",
                                              "Jul 2024", "Jan 2025"]


def test_an_open_interval_is_drawn_to_the_axis_and_marked_open() -> None:
    more_than = Point(9, dt.date(2021, 2, 1), None, 14000.0, math.inf, "Example Ledger",
                      "More than 14,000 people had been killed.")
    exact = Point(10, dt.date(2022, 2, 1), 14400.0, 14400.0, 14400.0, "Example Ledger", "14,400.")
    plot = build_plot([more_than, exact])
    open_point = plot.points[0]
    assert open_point.y == 14000.0 and open_point.open_high and not open_point.open_low
    assert open_point.high == plot.y_max  # up to the top of the axis, not to infinity
    assert open_point.label("") == "≥ 14,000"


def test_reference_figures_are_bands_valid_until_the_next_one() -> None:
    refs = [Ref(18.0, 17.5, 18.5, dt.date(2024, 1, 1), "Map A"),
            Ref(19.0, 19.0, 19.0, dt.date(2025, 1, 1), "Map B")]
    plot = build_plot(POINTS, refs, "percent")
    first, second = plot.bands
    assert first.x0 == dt.date(2024, 1, 1).toordinal()
    assert first.x1 == second.x0 == dt.date(2025, 1, 1).toordinal()
    assert second.x1 == plot.x_max
    assert (first.low, first.high) == (17.5, 18.5)
    assert first.label == "Map A: 17.5 % – 18.5 % (as of 2024-01-01)"


def test_a_date_measure_shows_days_on_its_value_axis() -> None:
    signed = dt.date(2015, 2, 12).toordinal()
    points = [Point(i, dt.date(2025, 3, i + 1), float(signed + (i == 3) * 2),
                    float(signed + (i == 3) * 2), float(signed + (i == 3) * 2), f"Outlet {i}",
                    "Minsk II was signed in February 2015.") for i in range(1, 4)]
    plot = build_plot(points, unit="date")
    assert plot.y_ticks and all("2015" in t.label for t in plot.y_ticks)
    assert plot.points[0].label("date") == "2015-02-12"


def test_no_points_draws_an_empty_chart(qtbot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_points([])
    assert chart.plot.empty
    image = chart.render_image(QSize(300, 200))
    assert not image.isNull()


def test_a_chart_with_no_values_says_so_instead_of_drawing_axes(qtbot) -> None:
    """Where the axis line and the value labels would be, the paper is blank; a sentence in
    the middle says why."""
    from PySide6.QtCore import QRectF

    from desktop.timeline_painter import frame_for

    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_points([share(1, None, 19.0, "Plain Wire")], unit="percent")
    assert chart.plot.empty and not chart.plot.bands
    image = chart.render_image(QSize(400, 220), scale=1.0)
    area = frame_for(chart.plot, QRectF(0, 0, 400, 220), chart.font()).area
    white = QColor("#FFFFFF")
    axis = [image.pixelColor(x, round(area.bottom())) for x in range(int(area.left()),
                                                                     int(area.right()))]
    labels = [image.pixelColor(x, y) for x in range(0, int(area.left()) - 4)
              for y in range(int(area.top()), int(area.bottom()), 3)
              if not 80 < y < 140]  # the sentence's rows
    assert all(c == white for c in axis), "an axis line is drawn"
    assert all(c == white for c in labels), "value labels are drawn"
    middle = [image.pixelColor(x, 110) for x in range(400)] + [
        image.pixelColor(x, y) for x in range(400) for y in range(95, 125, 2)]
    assert any(c.lightness() < 160 for c in middle), "no sentence in the middle"


def test_hover_names_the_claim_and_a_click_opens_it(qtbot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_points(POINTS, unit="percent")
    chart.repaint()
    at = chart.position_of(3)
    assert at is not None
    with qtbot.waitSignal(chart.hovered) as hovered:
        qtbot.mouseMove(chart, at.toPoint())
    assert hovered.args[0].claim_id == 3
    text = hover_text(hovered.args[0], "percent")
    assert "North Ledger · 2025-05-01 · 23 % – 27 %" in text and "25.0 per cent" in text
    assert "Conflicts" in text
    with qtbot.waitSignal(chart.claimClicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert clicked.args == [3]
    # Far from every point (the plot's bottom right corner), nothing is hovered.
    corner = chart.frame().area.bottomRight()
    assert chart.point_at(QPointF(corner.x() - 2, corner.y() - 2)) is None


def test_the_chart_saves_as_png_and_svg(qtbot, tmp_path: Path) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_points(POINTS, [Ref(18.0, 17.5, 18.5, dt.date(2024, 1, 1), "Map A")], "percent")
    chart.save(tmp_path / "t.png", QSize(640, 320))
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    chart.save(tmp_path / "t.svg", QSize(640, 320))
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "North Ledger" in svg
    with pytest.raises(ChartExportError, match="png or .svg"):
        chart.save(tmp_path / "t.gif")
    with pytest.raises(ChartExportError, match="Could not write"):
        chart.save(tmp_path / "no such folder" / "t.png")


def test_markers_stay_readable_on_a_dark_palette() -> None:
    dark = Colours.for_palette(QColor("#1E1F22"), QColor("#E6E6E6"))
    light = Colours.for_palette(QColor("#FFFFFF"), QColor("#1A1A1A"))
    assert dark.dark and not light.dark
    for style in range(8):
        # Light markers on the dark background, dark markers on white.
        assert QColor(colour_of(style, True)).lightness() > dark.background.lightness() + 60
        assert QColor(colour_of(style, False)).lightness() < light.background.lightness() - 60


def test_two_outlets_stating_one_figure_on_one_day_are_two_markers() -> None:
    day = dt.date(2024, 9, 15)
    plot = build_plot([share(1, day, 1217.0, "North Ledger"), share(2, day, 1217.0, "Harbour Post"),
                       share(3, dt.date(2025, 3, 1), 300.0, "Plain Wire")])
    a, b = sorted(p.x for p in plot.points if p.claim_id in (1, 2))
    assert a < day.toordinal() < b  # side by side around the day
    assert {p.date for p in plot.points if p.claim_id in (1, 2)} == {day}  # the date stays
