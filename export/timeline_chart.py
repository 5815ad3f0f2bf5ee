"""A measure's timeline written as an SVG (reportlab graphics) or a PNG (Pillow) without Qt, for
``claimdesk timeline MEASURE --out FILE.svg|png``: the same layout as the window and the PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import String

from export.fonts import BOLD, register_fonts
from export.paths import OutputError, atomic_output
from export.pdf_briefing.timeline_drawing import timeline_drawing
from export.timeline_plot import (
    LEGEND_CONFLICT,
    LEGEND_MORE,
    LEGEND_REFERENCE,
    TimelinePlot,
    build_plot,
    colour_of,
    legend_rows,
    shape_of,
)
from resources import resource_path

WIDTH, HEIGHT = 900, 420  # points in the SVG, pixels (times SCALE) in the PNG
SCALE = 2
LEGEND_MAX = 9  # outlets named in the legend (as in the window); the rest are counted
_TEXT, _MUTED, _GRID = "#1A1A1A", "#5A5A5A", "#E3E3E3"
_CONFLICT = "#C0392B"
_REFERENCE = "#333333"  # neutral: no outlet colour is mistaken for it


def write_timeline_chart(title: str, points: Sequence[Any], path: Path,
                         comparisons: Sequence[Any] = (), references: Sequence[Any] = (),
                         unit: str = "") -> int:
    """Write the chart to ``path`` (.svg or .png); returns how many points it draws.

    ``comparisons`` (storage.measures.Comparison) give the reference figures when
    ``references`` is not passed: each reference a claim was compared with is drawn.
    """
    refs = list(references) or list({c.reference.id: c.reference for c in comparisons
                                      if getattr(c, "reference", None) is not None}.values())
    unit = unit or _unit_of(points)
    plot = build_plot(points, refs, unit)
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        _write_svg(title, plot, Path(path))
    elif suffix == ".png":
        _write_png(title, plot, Path(path))
    else:
        raise OutputError(f"A chart is written as .svg or .png, not {Path(path).name!r}.")
    return len(plot.points)


def _unit_of(points: Sequence[Any]) -> str:
    """Guess the unit from the points' own texts (a date measure's values read as dates)."""
    texts = [getattr(p, "value_text", "") or "" for p in points]
    if texts and all(len(t) == 10 and t[4] == "-" and t[7] == "-" for t in texts if t) and any(texts):
        return "date"
    for suffix, unit in ((" %", "percent"), (" km²", "area"), (" km", "distance"),
                         (" days", "duration")):
        if any(t.endswith(suffix) for t in texts):
            return unit
    return ""


def _write_svg(title: str, plot: TimelinePlot, path: Path) -> None:
    register_fonts()
    drawing = timeline_drawing(plot, WIDTH, HEIGHT - 24)
    drawing.height = HEIGHT
    drawing.add(String(4, HEIGHT - 14, title, fontName=BOLD, fontSize=11))
    try:
        with atomic_output(path, "w", encoding="utf-8") as fh:
            fh.write(renderSVG.drawToString(drawing))
    except OSError as exc:
        raise OutputError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def _write_png(title: str, plot: TimelinePlot, path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont  # Pillow comes with reportlab

    s = SCALE
    image = Image.new("RGB", (WIDTH * s, HEIGHT * s), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), 11 * s)
    bold = ImageFont.truetype(str(resource_path("fonts", "DejaVuSans-Bold.ttf")), 13 * s)
    draw.text((8 * s, 6 * s), title, fill=_TEXT, font=bold)
    if plot.blank:  # a sentence, not a frame of empty axes
        draw.text((WIDTH * s / 2, HEIGHT * s / 2), plot.blank_text(), fill=_MUTED, font=font,
                  anchor="mm")
        _save_png(image, path)
        return
    # The legend, laid out by the same rows as the window's and the PDF's ("+N more outlets").
    x0, y = 8 * s, 28 * s
    for row in legend_rows(plot, (WIDTH - 16) * s,
                           lambda text: 14 * s + draw.textlength(text, font=font) + 16 * s,
                           LEGEND_MAX):
        for text, style, offset in row:
            x = x0 + offset
            if style >= 0:
                _marker(draw, shape_of(style), x + 5 * s, y + 7 * s, 4.5 * s, colour_of(style))
            elif style == LEGEND_CONFLICT:
                draw.ellipse([x, y + 2 * s, x + 10 * s, y + 12 * s], outline=_CONFLICT,
                             width=2 * s)
            elif style == LEGEND_REFERENCE:  # dashed, as the line it stands for
                for dash in (x, x + 6 * s):
                    draw.line([(dash, y + 7 * s), (dash + 4 * s, y + 7 * s)], fill=_REFERENCE,
                              width=2 * s)
            draw.text((x if style == LEGEND_MORE else x + 14 * s, y), text, fill=_TEXT,
                      font=font)
        y += 16 * s
    label_w = max((draw.textlength(t.label, font=font) for t in plot.y_ticks), default=20)
    left, top = label_w + 14 * s, y + 8 * s
    right, bottom = (WIDTH - 14) * s, (HEIGHT - (40 if plot.undated else 26)) * s
    w, h = right - left, bottom - top

    def px(v: float) -> float:
        return left + (v - plot.x_min) / (plot.x_max - plot.x_min) * w

    def py(v: float) -> float:
        return bottom - (v - plot.y_min) / ((plot.y_max - plot.y_min) or 1.0) * h

    for t in plot.y_ticks:
        draw.line([(left, py(t.at)), (right, py(t.at))], fill=_GRID, width=s)
        draw.text((left - 6 * s, py(t.at)), t.label, fill=_MUTED, font=font, anchor="rm")
    last = -math.inf
    for t in plot.x_ticks:
        draw.line([(px(t.at), top), (px(t.at), bottom)], fill=_GRID, width=s)
        half = draw.textlength(t.label, font=font) / 2
        if px(t.at) - half > last + 6 * s:
            draw.text((px(t.at), bottom + 4 * s), t.label, fill=_MUTED, font=font, anchor="ma")
            last = px(t.at) + half
    draw.line([(left, bottom), (right, bottom)], fill=_MUTED, width=s)
    if plot.undated:
        draw.text((left, (HEIGHT - 16) * s),
                  f"{plot.undated} claim(s) without a date or value are not shown.",
                  fill=_MUTED, font=font)
    for band in plot.bands:
        x0, x1 = max(px(band.x0), left), min(px(band.x1), right)
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        ImageDraw.Draw(overlay).rectangle([x0, py(band.high) - s, x1, py(band.low) + s],
                                          fill=(51, 51, 51, 36))
        image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))
        draw = ImageDraw.Draw(image)
        mid = band.value if band.value is not None else (band.low + band.high) / 2
        for dash in range(int(x0), int(x1), 10 * s):
            draw.line([(dash, py(mid)), (min(dash + 6 * s, x1), py(mid))], fill=_REFERENCE,
                      width=2 * s)
    for p in plot.points:
        if p.high > p.low:
            x = px(p.x)
            draw.line([(x, py(p.high)), (x, py(p.low))], fill=_MUTED, width=s)
            for end, is_open in ((p.high, p.open_high), (p.low, p.open_low)):
                if not is_open:
                    draw.line([(x - 3 * s, py(end)), (x + 3 * s, py(end))], fill=_MUTED,
                              width=s)
    for p in plot.points:
        _marker(draw, shape_of(p.style), px(p.x), py(p.y), 4.5 * s, colour_of(p.style))
        if p.conflicting:
            r = 8 * s
            draw.ellipse([px(p.x) - r, py(p.y) - r, px(p.x) + r, py(p.y) + r],
                         outline=_CONFLICT, width=2 * s)
    _save_png(image, path)


def _save_png(image: Any, path: Path) -> None:
    try:
        with atomic_output(path) as fh:
            image.save(fh, "PNG")
    except OSError as exc:
        raise OutputError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def _marker(draw: Any, shape: str, x: float, y: float, r: float, fill: str) -> None:
    if shape == "circle":
        draw.ellipse([x - r, y - r, x + r, y + r], fill=fill, outline="white")
    elif shape == "square":
        draw.rectangle([x - r * 0.9, y - r * 0.9, x + r * 0.9, y + r * 0.9], fill=fill,
                       outline="white")
    elif shape == "triangle":
        draw.polygon([(x, y - r * 1.15), (x + r, y + r * 0.75), (x - r, y + r * 0.75)], fill=fill)
    elif shape == "down":
        draw.polygon([(x, y + r * 1.15), (x + r, y - r * 0.75), (x - r, y - r * 0.75)], fill=fill)
    elif shape == "diamond":
        draw.polygon([(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)],
                     fill=fill)
    else:
        t = r * 0.35
        draw.rectangle([x - r, y - t, x + r, y + t], fill=fill)
        draw.rectangle([x - t, y - r, x + t, y + r], fill=fill)
