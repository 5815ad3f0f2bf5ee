"""Data files shipped with Claimdesk (sample corpus, alias table, fonts, icons, licences), found
through one helper.

From a source checkout or an installed wheel they sit beside this module. In a PyInstaller
bundle they are copied to ``<bundle>/resources`` (see packaging/claimdesk.spec) and found from
``sys._MEIPASS``, the bundle's data folder, so no code elsewhere builds resource paths by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_root() -> Path:
    """The folder holding the shipped data files."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return _HERE


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("sample")``."""
    return resource_root().joinpath(*parts)
