"""The application icon, from the bundled SVG and its PNG renders."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from resources import resource_path

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The application icon: the SVG, with the PNG renders for when SVG cannot be read."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"claimdesk-{size}.png")))
    icon.addFile(str(resource_path("icons", "claimdesk.svg")))
    return icon
