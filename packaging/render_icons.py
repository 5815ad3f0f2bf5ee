"""Render resources/icons/claimdesk.svg to the PNG sizes desktops ask for (run after editing it).

    .venv/bin/python packaging/render_icons.py

The PNGs are committed: desktops and installers that cannot read SVG use them, and the window
icon still works if Qt's SVG plugin is missing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "claimdesk.svg"
    for size in SIZES:
        out = ICONS / f"claimdesk-{size}.png"
        render(svg, size, out)
        print(f"{out.relative_to(ROOT)}: {size}x{size}, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
