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
