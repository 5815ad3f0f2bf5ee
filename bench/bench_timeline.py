"""Benchmark: one measure's timeline of 5,000 points laid out and drawn (window chart, PNG, SVG, PDF).

Run: .venv/bin/python -m bench.bench_timeline [--points 5000] [--repeat 5]
Runs offscreen unless QT_QPA_PLATFORM says otherwise. The bar (issue #19) is 200 ms for a
5,000-point timeline: "draw" below is laying the points out plus one full paint of the chart
widget at 1000 × 400, as the window does when a measure is chosen. Medians of ``--repeat``
runs, wall and CPU time (the machine is shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass(frozen=True)
class Point:
    claim_id: int
    date: dt.date | None
    value: float | None
    low: float
    high: float
    outlet: str
    sentence: str
    conflicting: bool


@dataclass(frozen=True)
class Ref:
    value: float | None
    low: float
    high: float
    as_of: dt.date
    source_title: str


def make_points(n: int, seed: int = 19) -> list[Point]:
    """``n`` claims of a share that drifts from 7 % to 20 % over 2014–2025, 40 outlets."""
    rng = random.Random(seed)
    start = dt.date(2014, 3, 1).toordinal()
    span = dt.date(2025, 12, 1).toordinal() - start
    out = []
    for i in range(n):
        day = start + rng.randrange(span)
        true = 7 + 13 * (day - start) / span
        value = round(true + rng.gauss(0, 0.8), 1)
        width = rng.choice((0, 0, 0.5, 1, 2))
        out.append(Point(i + 1, dt.date.fromordinal(day), value, value - width, value + width,
                         f"Outlet {rng.randrange(40):02d}", f"Claim {i + 1} says {value} percent.",
                         rng.random() < 0.05))
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.timeline_chart import TimelineChart
    from desktop.timeline_painter import paint_timeline
    from export.timeline_plot import build_plot

    app = QApplication.instance() or QApplication([])
    points = make_points(args.points)
    refs = [Ref(18.0, 17.5, 18.5, dt.date(2024, 1, 1), "ISW"),
            Ref(19.0, 18.8, 19.2, dt.date(2025, 1, 1), "ISW")]
    chart = TimelineChart()
    chart.resize(1000, 400)
    chart.show()
    app.processEvents()
    plot = build_plot(points, refs, "percent")
    chart.set_plot(plot)
    image = QImage(1000, 400, QImage.Format.Format_ARGB32_Premultiplied)

    def paint_only() -> None:
        painter = QPainter(image)
        paint_timeline(painter, QRectF(0, 0, 1000, 400), plot, chart.colours(), chart.font())
        painter.end()

    def draw() -> None:  # what choosing a measure costs: layout + one paint of the widget
        chart.set_points(points, refs, "percent")
        chart.repaint()

    print(f"timeline of {args.points:,} points, 2 reference figures, 1000 x 400, "
          f"median of {args.repeat} (wall / CPU):")
    rows = [
        ("layout (build_plot)", lambda: build_plot(points, refs, "percent")),
        ("paint into an image", paint_only),
        ("draw (layout + widget paint)", draw),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        rows += [
            ("save PNG (2x)", lambda: chart.save(Path(tmp) / "t.png", QSize(1000, 400))),
            ("save SVG", lambda: chart.save(Path(tmp) / "t.svg", QSize(1000, 400))),
        ]
        from export.pdf_briefing.timeline_drawing import timeline_drawing

        rows.append(("PDF drawing (reportlab, build)",
                     lambda: timeline_drawing(plot, 480, 200)))
        for name, fn in rows:
            wall, cpu = timed(fn, args.repeat)
            print(f"  {name:32} {wall:8.1f} ms wall {cpu:8.1f} ms CPU")
        svg = (Path(tmp) / "t.svg").stat().st_size
        png = (Path(tmp) / "t.png").stat().st_size
        print(f"  files: PNG {png / 1024:.0f} KiB, SVG {svg / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
