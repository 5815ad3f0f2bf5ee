"""#19: a measure's timeline drawn with reportlab (SVG, and the Drawing the PDF briefing takes)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from reportlab.graphics.shapes import Circle, String

from export.timeline_drawing import timeline_drawing, write_timeline_svg
from storage.measures import Reference, TimelinePoint


def _point(cid, day, value, outlet, conflicting=False, spread=0.5):
    return TimelinePoint(cid, day, value, value - spread, value + spread, outlet, "s",
                         conflicting)


def _strings(drawing):
    out = []

    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                out.append(child.text)
            walk(child)
    walk(drawing)
    return out


def test_points_references_and_conflicts_are_drawn():
    points = [_point(1, dt.date(2022, 6, 2), 20, "Sample: A"),
              _point(2, dt.date(2025, 3, 12), 19, "Sample: B"),
              _point(3, dt.date(2025, 3, 22), 33.3, "Sample: B", conflicting=True),
              TimelinePoint(4, None, 20, 19, 21, "Sample: C", "s", False)]
    ref = Reference(1, 1, 19, 18, 20, dt.date(2024, 6, 1), "Map", None, None, None, None, "ana",
                    dt.datetime(2025, 1, 1))
    d = timeline_drawing("Share of Ukraine held by Russia", points, "percent", [ref])
    texts = _strings(d)
    assert "Share of Ukraine held by Russia" in texts
    assert {"2023", "2024", "2025"} <= set(texts)  # the date axis
    assert "Sample: B" in texts and "Sample: C" not in texts  # the undated one is left out…
    assert any("1 undated" in t and "reference" in t for t in texts)  # …and said so
    rings = [c for c in d.contents if isinstance(c, Circle) and c.fillColor is None]
    assert len(rings) == 1  # one conflicting point


def test_svg_is_written_with_untrusted_text_escaped(tmp_path):
    points = [_point(1, dt.date(2025, 1, 1), 19, "<script>alert(1)</script> & Co"),
              _point(2, dt.date(2025, 2, 1), 20, "Вечерний меридиан")]
    out = tmp_path / "t.svg"
    assert write_timeline_svg("Share <b>", points, "percent", out) == 2
    text = out.read_text(encoding="utf-8")
    ET.fromstring(text.split("?>", 1)[1].split("]>", 1)[-1] if "<!DOCTYPE" not in text
                  else text[text.index("<svg"):])  # well-formed XML
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "Вечерний меридиан" in text and "Feb 2025" in text


def test_a_date_measure_has_dates_on_both_axes():
    days = [dt.date(2014, 9, 5).toordinal(), dt.date(2014, 9, 19).toordinal()]
    points = [TimelinePoint(i, dt.date(2015 + i, 1, 1), float(v), float(v), float(v), "O", "s",
                            False) for i, v in enumerate(days)]
    texts = _strings(timeline_drawing("Date of Minsk I", points, "date"))
    assert any(t.endswith("Sep 2014") for t in texts) and "Jan 2016" in texts
    assert not any(t.replace(",", "").isdigit() and len(t) >= 6 for t in texts)  # no ordinals
