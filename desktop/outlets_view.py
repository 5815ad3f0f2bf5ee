"""The Outlets view: every outlet with how many articles and claims came from it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.browse_panel import BrowsePanel, Column
from storage.queries import OutletRow
from storage.reads import read_outlets


class OutletsPanel(BrowsePanel):
    """Outlets by name; choosing one shows its claims."""

    CONTEXT = "OutletsPanel"
    COLUMNS = (
        Column[OutletRow](QT_TRANSLATE_NOOP("OutletsPanel", "Outlet"), lambda o: o.name),
        Column[OutletRow](QT_TRANSLATE_NOOP("OutletsPanel", "Articles"), lambda o: o.articles,
                          numeric=True, width=80),
        Column[OutletRow](QT_TRANSLATE_NOOP("OutletsPanel", "Claims"), lambda o: o.claims,
                          numeric=True, width=80),
    )

    def load_rows(self) -> list[OutletRow]:
        return read_outlets(self._db)
