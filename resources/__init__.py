"""Data files shipped with Claimdesk (sample corpus, alias table, fonts), found through one helper.

Resolving against this package's own folder works from a source checkout, an installed wheel
and a PyInstaller bundle alike, so no code elsewhere builds resource paths by hand.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("sample")``."""
    return _ROOT.joinpath(*parts)
