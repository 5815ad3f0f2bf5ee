"""``claimdesk timeline --out FILE.svg|png`` without Qt (#19): the files and the refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from export.paths import OutputError
from export.timeline_chart import write_timeline_chart
from storage.measures import Comparison, Reference, TimelinePoint

POINTS = [
    TimelinePoint(1, dt.date(2024, 3, 1), 18.0, 18.0, 18.0, "Kyiv Notes", "About 18 %.", False,
                  value_text="18 %"),
    TimelinePoint(2, dt.date(2024, 9, 1), 25.0, 23.0, 27.0, "Північний вісник", "About 25 %.",
                  True, value_text="25 %"),
    TimelinePoint(3, None, 19.0, 19.0, 19.0, "Plain Wire", "No date.", False, value_text="19 %"),
]
REF = Reference(1, 1, 18.5, 18.0, 19.0, dt.date(2024, 1, 1), "Sample <map> & co", None,
                "https://example.org/map", None, None, "tester", dt.datetime(2025, 1, 1))
COMPARISONS = [Comparison("contradicts", 2, 1, (23.0, 27.0), (18.0, 19.0), REF)]


def test_svg_names_the_outlets_and_escapes_the_title(tmp_path: Path) -> None:
    n = write_timeline_chart("Share <held> & more", POINTS, tmp_path / "t.svg", COMPARISONS)
    assert n == 2  # the undated claim is counted out
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "Північний вісник" in svg and "Share &lt;held&gt; &amp; more" in svg
    assert "reference figure" in svg and "18 %" in svg


def test_png_is_written_and_other_suffixes_are_refused(tmp_path: Path) -> None:
    write_timeline_chart("Share", POINTS, tmp_path / "t.png", COMPARISONS)
    from PIL import Image

    with Image.open(tmp_path / "t.png") as image:
        assert image.size == (1800, 840)
        colours = {c for _n, c in image.getcolors(1_000_000)}
    assert (0xC0, 0x39, 0x2B) in colours  # the conflict ring
    with pytest.raises(OutputError, match=r"\.svg or \.png"):
        write_timeline_chart("Share", POINTS, tmp_path / "t.gif")
    assert not (tmp_path / "t.gif").exists()


def test_png_legend_names_nine_outlets_counts_the_rest_and_stays_inside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The PNG's legend is laid out by the same rows as the window's and the PDF's."""
    from PIL import ImageDraw

    drawn: list[tuple[float, str, float]] = []
    text = ImageDraw.ImageDraw.text

    def spy(self, xy, string, *args, **kwargs):  # noqa: ANN001, ANN202
        font = kwargs.get("font")
        drawn.append((xy[0], string, self.textlength(string, font=font) if font else 0.0))
        return text(self, xy, string, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", spy)
    many = [TimelinePoint(i, dt.date(2024, 1, 1 + i), 18.0 + i, 18.0 + i, 18.0 + i,
                          f"Outlet with a longish name {i:02d}", "A value.", i == 3,
                          value_text=f"{18 + i} %") for i in range(12)]
    write_timeline_chart("Share", many, tmp_path / "many.png", COMPARISONS)
    texts = [t for _x, t, _w in drawn]
    assert [t for t in texts if t.startswith("Outlet with")] == [
        f"Outlet with a longish name {i:02d}" for i in range(9)]
    assert "+3 more outlets" in texts
    assert "conflicting figure" in texts and "reference figure" in texts
    width = 900 * 2
    assert all(x + w <= width for x, t, w in drawn if t != "Share")


def test_a_png_of_a_measure_with_no_values_has_no_axes(tmp_path) -> None:
    """The whole picture below the title is blank paper but for one sentence in the middle."""
    from PIL import Image

    from export.timeline_chart import HEIGHT, SCALE, WIDTH, write_timeline_chart

    path = tmp_path / "empty.png"
    assert write_timeline_chart("Nothing yet", [], path, unit="percent") == 0
    image = Image.open(path).convert("L")
    assert image.size == (WIDTH * SCALE, HEIGHT * SCALE)
    # Where the axis line and the grid would be (the bottom band, the left band): white.
    bottom = image.crop((0, (HEIGHT - 60) * SCALE, WIDTH * SCALE, (HEIGHT - 20) * SCALE))
    left = image.crop((0, 40 * SCALE, 120 * SCALE, (HEIGHT - 20) * SCALE))
    assert bottom.getextrema() == (255, 255) and left.getextrema() == (255, 255)
    middle = image.crop((0, (HEIGHT // 2 - 12) * SCALE, WIDTH * SCALE, (HEIGHT // 2 + 12) * SCALE))
    assert middle.getextrema()[0] < 128  # the sentence
