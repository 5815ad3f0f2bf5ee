"""Light and dark palettes: follow the desktop's colour scheme, or the person's choice.

Qt's platform styles follow a dark desktop on their own where the platform supports it; where
it does not (many Linux desktops, Xvfb) and when the person asks for dark, the window uses the
Fusion style with a dark palette. The few colours the window sets itself (status text, the
conflict marker) come from :func:`colour`, so they stay readable on both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_state: dict[str, object] = {}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark)


def is_dark() -> bool:
    """True while the window shows the dark palette."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(light: QColor | str, dark: QColor | str) -> QColor:
    """The colour for the current palette."""
    return QColor(dark if is_dark() else light)


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    base, window, text = QColor(0x1E, 0x1F, 0x22), QColor(0x2B, 0x2D, 0x31), QColor(0xE6, 0xE6, 0xE6)
    for r, c in (
        (role.Window, window), (role.WindowText, text), (role.Base, base),
        (role.AlternateBase, QColor(0x26, 0x28, 0x2C)), (role.ToolTipBase, window),
        (role.ToolTipText, text), (role.PlaceholderText, QColor(0x9A, 0x9A, 0x9A)),
        (role.Text, text), (role.Button, window), (role.ButtonText, text),
        (role.BrightText, QColor(0xFF, 0x6B, 0x6B)), (role.Link, QColor(0x7A, 0xB7, 0xFF)),
        (role.Highlight, QColor(0x2F, 0x6F, 0xC4)), (role.HighlightedText, QColor(0xFF, 0xFF, 0xFF)),
        (role.Light, QColor(0x3A, 0x3D, 0x42)), (role.Midlight, QColor(0x33, 0x36, 0x3A)),
        (role.Mid, QColor(0x24, 0x26, 0x29)), (role.Dark, QColor(0x18, 0x19, 0x1B)),
        (role.Shadow, QColor(0x0C, 0x0C, 0x0C)),
    ):
        p.setColor(r, c)
    disabled = QColor(0x80, 0x80, 0x80)
    for r in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        p.setColor(group.Disabled, r, disabled)
    return p


def apply_appearance(choice: str) -> bool:
    """Show the palette for ``choice`` ("system", "light" or "dark"); True if it is dark.

    With "system", a later change of the desktop's scheme is followed while the app runs.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    if "style" not in _state:
        _state["style"] = app.style().name()
        _state["palette"] = QPalette(app.palette())
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(
                lambda _scheme: _state.get("choice") == "system"
                and apply_appearance("system"))
    _state["choice"] = choice
    dark = choice == "dark" or (choice == "system" and system_prefers_dark())
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        app.setStyle(str(_state["style"]))
        app.setPalette(QPalette(_state["palette"]))  # type: ignore[arg-type]
    return dark
